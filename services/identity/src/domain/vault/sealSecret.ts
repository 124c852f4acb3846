import { KeywardError } from '@keyward/contracts';
import { EnvelopeOpenError, openText, type SealedRecord, seal } from '@keyward/secret-envelope';

// The envelope scheme lives in @keyward/secret-envelope (shared with the policy vault). This file
// binds an IdP secret to its connection and field: owner = `idp:<connection id>`, kind = field.

/** A sealed IdP secret; binary fields base64. Safe to store, log-free by construction. */
export type SealedSecret = SealedRecord;

function boundTo(owner: string, field: string) {
  return { owner: `idp:${owner}`, kind: field };
}

export interface SealOptions {
  kek: Uint8Array;
  /** The IdP connection id the secret belongs to. */
  owner: string;
  /** The config field, e.g. `clientSecret`. */
  field: string;
  secret: string;
}

export function sealSecret({ kek, owner, field, secret }: SealOptions): SealedSecret {
  return seal(secret, { kek, associatedData: boundTo(owner, field) });
}

export interface OpenOptions {
  kek: Uint8Array;
  owner: string;
  field: string;
  record: SealedSecret;
}

/** Opens a sealed secret; any failure is VAULT_DECRYPT_FAILED naming the record, never a byte. */
export function openSecret({ kek, owner, field, record }: OpenOptions): string {
  try {
    return openText(record, { kek, associatedData: boundTo(owner, field) });
  } catch (error) {
    if (!(error instanceof EnvelopeOpenError)) throw error;
    throw new KeywardError(
      'VAULT_DECRYPT_FAILED',
      error.reason === 'authentication-failed'
        ? `sealed ${field} of IdP connection ${owner} failed authentication (tampered or moved)`
        : `sealed ${field} of IdP connection ${owner} is wrapped by KEK ${record.kekId}, not the configured KEK ${error.kekId}`,
      { details: { idpId: owner, field, recordKekId: record.kekId } },
    );
  }
}
