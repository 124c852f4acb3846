import { KeywardError, type KeywardErrorOptions } from '@keyward/contracts';

/**
 * Why a sealed value did not open. `malformed`: not the wire form (bad base64url, wrong
 * lengths, unknown version). `authentication-failed`: AES-GCM refused it — sealed to another
 * key, for another context (subject, serial, field), or tampered with. The two are not told
 * apart further: an oracle saying which would help nobody but an attacker.
 */
export type SealedValueOpenReason = 'malformed' | 'authentication-failed';

/** A sealed value that does not open. Names the context's field, never a byte of the value. */
export class SealedValueOpenError extends KeywardError {
  readonly reason: SealedValueOpenReason;

  constructor(reason: SealedValueOpenReason, message: string, options: KeywardErrorOptions = {}) {
    super('SEALED_VALUE_INVALID', message, {
      ...options,
      details: { reason, ...options.details },
    });
    this.name = 'SealedValueOpenError';
    this.reason = reason;
  }
}
