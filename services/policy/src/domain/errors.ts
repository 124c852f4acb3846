import { KeywardError, type KeywardErrorOptions } from '@keyward/contracts';

/**
 * Decryption of a vault record failed: wrong KEK, or a tampered or swapped record. Fails closed;
 * the message names serial, kind and KEK fingerprints, never a secret.
 */
export class VaultDecryptError extends KeywardError {
  constructor(message: string, options: KeywardErrorOptions = {}) {
    super('VAULT_DECRYPT_FAILED', message, options);
    this.name = 'VaultDecryptError';
  }
}

/** Which MDS3 BLOB check failed (FIDO MDS 3.0 §3.2 processing rules). */
export type MdsCheck =
  | 'MDS_BLOB_INVALID'
  | 'MDS_CHAIN_INVALID'
  | 'MDS_SIGNATURE_INVALID'
  | 'MDS_BLOB_EXPIRED'
  | 'MDS_BLOB_STALE';

/** A FIDO MDS3 BLOB was rejected. The MDS is an upstream, so the wire code is UPSTREAM_FAILED. */
export class MdsBlobError extends KeywardError {
  readonly check: MdsCheck;

  constructor(check: MdsCheck, message: string, options: KeywardErrorOptions = {}) {
    super('UPSTREAM_FAILED', message, { ...options, details: { check, ...options.details } });
    this.name = 'MdsBlobError';
    this.check = check;
  }
}

/** No PIN satisfying the rules was found (rules too tight for the length). */
export class PinGenerationError extends KeywardError {
  constructor(message: string) {
    super('POLICY_VIOLATION', message);
    this.name = 'PinGenerationError';
  }
}
