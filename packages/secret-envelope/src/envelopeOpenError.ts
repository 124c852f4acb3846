import { KeywardError, type KeywardErrorOptions } from '@keyward/contracts';

/**
 * Why a record did not open. `kek-mismatch`: wrapped by another KEK (rotation not run, wrong
 * config). `authentication-failed`: right KEK, but the record was tampered with or moved to
 * another owner/kind.
 */
export type EnvelopeOpenReason = 'kek-mismatch' | 'authentication-failed';

/** Any failure to open or rewrap a record. Carries KEK fingerprints and never a secret byte. */
export class EnvelopeOpenError extends KeywardError {
  readonly reason: EnvelopeOpenReason;
  readonly recordKekId: string;
  readonly kekId: string;

  constructor(
    fields: { reason: EnvelopeOpenReason; recordKekId: string; kekId: string },
    message: string,
    options: KeywardErrorOptions = {},
  ) {
    super('VAULT_DECRYPT_FAILED', message, options);
    this.name = 'EnvelopeOpenError';
    this.reason = fields.reason;
    this.recordKekId = fields.recordKekId;
    this.kekId = fields.kekId;
  }
}
