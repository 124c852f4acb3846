import { isSecretFieldName } from '@keyward/contracts';

export const REDACTED = '[redacted]';

/**
 * Returns a deep copy of `value` with every secret-named member (contracts' SECRET_FIELD_PATTERN:
 * PINs, passwords, tokens, keys) replaced by REDACTED. Producers never put secrets in events
 * (design.md "Security"); this is the second line of defence before the audit store, the SIEM
 * feed and reports.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    out[key] = isSecretFieldName(key) ? REDACTED : redactSecrets(v);
  }
  return out;
}
