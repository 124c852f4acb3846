import type { z } from 'zod';
import { KeywardError, type KeywardErrorCode } from './errors.ts';

/** One problem in an input, with the dotted path of the field (`body.policyId`). */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** Options of {@link validationError}. */
export interface ValidationErrorOptions {
  /** Prefix of every path, naming the part of the input: `body`, `query`, `data`. */
  root?: string;
  /** Defaults to VALIDATION_FAILED; events use INVALID_EVENT. */
  code?: KeywardErrorCode;
}

/** Lists zod issues as dotted paths; zod 4 messages name types and bounds, never the value. */
export function toValidationIssues(error: z.ZodError, root?: string): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(root, issue.path),
    message: issue.message,
  }));
}

/**
 * A KeywardError whose message names every bad field ("body.policyId: Invalid input: expected
 * string, received undefined") and whose details carry the issues for programs.
 */
export function validationError(error: z.ZodError, options: ValidationErrorOptions = {}) {
  const { root, code = 'VALIDATION_FAILED' } = options;
  const issues = toValidationIssues(error, root);
  const message = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new KeywardError(code, message, { details: { issues }, cause: error });
}

/** Parses `value` with `schema` or throws {@link validationError}. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: ValidationErrorOptions = {},
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, options);
  return result.data;
}

function formatPath(root: string | undefined, path: readonly PropertyKey[]): string {
  let out = root ?? '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}
