/**
 * Typed failures of the policy domain. Each carries a stable string `code` and safe `details`
 * (never a PIN, secret or key). Until @keyward/contracts exports `KeywardError`, this is a local
 * base with the same shape; the edges (http/, bus/) translate `code` to a status.
 */
export type PolicyErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PIN_RULES_VIOLATED'
  | 'PIN_GENERATION_FAILED'
  | 'VAULT_DECRYPT_FAILED'
  | 'VAULT_KEY_INVALID'
  | 'MDS_BLOB_INVALID'
  | 'MDS_BLOB_EXPIRED'
  | 'MDS_CHAIN_INVALID'
  | 'MDS_SIGNATURE_INVALID'
  | 'MDS_BLOB_STALE';

export class PolicyDomainError extends Error {
  override readonly name: string = 'PolicyDomainError';
  readonly code: PolicyErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(
    code: PolicyErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }
}

/** Decryption of a vault record failed: wrong KEK or a tampered/swapped record. Fails closed. */
export class VaultDecryptError extends PolicyDomainError {
  override readonly name = 'VaultDecryptError';
}

/** A FIDO MDS3 BLOB was rejected; `code` says which check failed. */
export class MdsBlobError extends PolicyDomainError {
  override readonly name = 'MdsBlobError';
}
