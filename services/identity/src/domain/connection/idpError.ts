import { KeywardError } from '@keyward/contracts';
import { IdpFailureKind, type IdpFailureKindName } from './failureKind.ts';

/** Safe facts about a provider failure; never a token, secret or raw response body. */
export interface IdpFailureFacts {
  kind: IdpFailureKindName;
  provider: string;
  /** What we were doing: `token`, `searchUsers`, `beginRegistration`, ... */
  operation: string;
  status?: number;
  /** The provider's own error code (Graph `error.code`, Okta `errorCode`, PingOne `code`). */
  providerCode?: string;
  /** The provider's message, which the providers word for humans and keep free of secrets. */
  providerMessage?: string;
  /** For MISSING_PERMISSION: the scope / permission / role named by the provider. */
  missing?: string;
  systemCode?: string;
  retryAfterMs?: number;
}

/** Builds the KeywardError for a provider failure: code and retryability from IdpFailureKind. */
export function idpError(facts: IdpFailureFacts, cause?: unknown): KeywardError {
  const spec = IdpFailureKind[facts.kind];
  const parts = [`${facts.provider} ${facts.operation}: ${spec.label}`];
  if (facts.missing) parts.push(`missing ${facts.missing}`);
  if (facts.systemCode) parts.push(facts.systemCode);
  if (facts.providerCode || facts.providerMessage) {
    parts.push([facts.providerCode, facts.providerMessage].filter(Boolean).join(' '));
  }
  const details: Record<string, unknown> = {
    kind: facts.kind,
    retryable: spec.retryable,
    provider: facts.provider,
    operation: facts.operation,
  };
  for (const key of [
    'status',
    'providerCode',
    'providerMessage',
    'missing',
    'systemCode',
    'retryAfterMs',
  ] as const) {
    if (facts[key] !== undefined) details[key] = facts[key];
  }
  return new KeywardError(spec.code, parts.join(' — '), { details, ...(cause ? { cause } : {}) });
}

/** Reads the failure kind back from an error made by {@link idpError}. */
export function failureKindOf(error: unknown): IdpFailureKindName | undefined {
  const details = (error as { details?: { kind?: unknown } } | undefined)?.details;
  return typeof details?.kind === 'string' && details.kind in IdpFailureKind
    ? (details.kind as IdpFailureKindName)
    : undefined;
}

export function isRetryable(error: unknown): boolean {
  const kind = failureKindOf(error);
  return kind ? IdpFailureKind[kind].retryable : false;
}
