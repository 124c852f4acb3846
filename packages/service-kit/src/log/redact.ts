import { isSecretFieldName } from '@keyward/contracts';

/** What replaces a secret in log output. */
export const REDACTED = '[REDACTED]';

const MAX_DEPTH = 12;

// "pin=123456", "adminPin: 9999", "token 'abc'", "Bearer eyJ..." inside free text. The
// whitespace-only form ("pin 123456") is redacted only when the value has a digit, so prose
// such as "pin set on key" stays readable.
const KEYWORD = '[\\w-]*?(?:pin|pins|secret|password|passwd|passphrase|token|privatekey|apikey)';
const ASSIGNED = new RegExp(`\\b(${KEYWORD})(["']?\\s*[:=]\\s*["']?)([^\\s"',;}&]+)`, 'gi');
const SPACED = new RegExp(`\\b(${KEYWORD})(\\s+)(?=[^\\s]*\\d)([^\\s"',;}&]+)`, 'gi');
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;

/** Redacts secret values written into free text (messages, error messages). */
export function redactString(text: string): string {
  return text
    .replace(ASSIGNED, `$1$2${REDACTED}`)
    .replace(SPACED, `$1$2${REDACTED}`)
    .replace(BEARER, `$1 ${REDACTED}`);
}

/**
 * A copy of `value` safe to log: values under secret-named keys (isSecretFieldName, at any
 * depth, in arrays, in errors' own properties, details and causes) become "[REDACTED]", strings
 * are scanned by {@link redactString}, errors become plain objects, cycles are cut.
 */
export function redactDeep(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    if (value instanceof Error) return walkError(value, depth, seen);
    if (value instanceof Date) return value;
    if (ArrayBuffer.isView(value)) return `[${value.constructor.name} ${value.byteLength} bytes]`;
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, seen));
    if (value instanceof Map) return walkEntries([...value.entries()], depth, seen);
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return walk(toJSON.call(value), depth + 1, seen);
    return walkEntries(Object.entries(value), depth, seen);
  } finally {
    seen.delete(value);
  }
}

function walkEntries(entries: [unknown, unknown][], depth: number, seen: WeakSet<object>) {
  const out: Record<string, unknown> = {};
  for (const [rawKey, item] of entries) {
    const key = String(rawKey);
    out[key] = isSecretFieldName(key) ? REDACTED : walk(item, depth + 1, seen);
  }
  return out;
}

function walkError(error: Error, depth: number, seen: WeakSet<object>) {
  const plain: Record<string, unknown> = {
    type: error.name,
    message: redactString(error.message),
    stack: error.stack === undefined ? undefined : redactString(error.stack),
  };
  const own = walkEntries(Object.entries(error), depth, seen) as Record<string, unknown>;
  Object.assign(plain, own);
  if (error.cause !== undefined) plain.cause = walk(error.cause, depth + 1, seen);
  return plain;
}
