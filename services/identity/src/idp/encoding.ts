/** Standard base64 (padded or not) or base64url → base64url without padding. */
export function toBase64Url(value: string): string {
  return value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url → standard base64 with padding (PingOne's attestation sample, Okta's doc example). */
export function toBase64(value: string): string {
  return Buffer.from(value, 'base64url').toString('base64');
}

/** Drops OData annotations (`@odata.type`, ...) at any depth; Graph adds them to every object. */
export function stripOData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripOData) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('@odata.')) out[k] = stripOData(v);
  return out as T;
}

/** PingOne's signed Java byte arrays → base64url (idp-apis.md §3.2: `b & 0xff`). */
export function signedBytesToBase64Url(value: unknown): string {
  if (typeof value === 'string') return toBase64Url(value);
  if (!Array.isArray(value) || value.some((b) => typeof b !== 'number')) {
    throw new TypeError('expected a byte array or base64 string');
  }
  return Buffer.from((value as number[]).map((b) => b & 0xff)).toString('base64url');
}
