import {
  EnvelopeOpenError,
  kekFingerprint,
  open,
  openText,
  rewrap,
  type SealedRecord,
  seal,
} from '@keyward/secret-envelope';
import { VaultDecryptError } from '../errors.ts';

// The envelope scheme lives in @keyward/secret-envelope (shared with identity). This file maps
// the vault's vocabulary onto it: owner = device serial, kind = vault kind, and its failures onto
// VaultDecryptError with messages an operator of the PIN vault understands.

export { kekFingerprint };

/** What a vault record holds per device serial. */
export const VAULT_KINDS = ['userPin', 'adminPin', 'unlockSecret'] as const;
export type VaultKind = (typeof VAULT_KINDS)[number];

/** A sealed secret as stored in the vault (format `keyward-vault-v1`, see the package). */
export type SealedSecret = SealedRecord;

export interface SealSecretOptions {
  kek: Uint8Array;
  serial: string;
  kind: VaultKind;
  secret: string | Uint8Array;
}

/** Encrypt a secret under a fresh data key, and wrap the data key with the KEK. */
export function sealSecret({ kek, serial, kind, secret }: SealSecretOptions): SealedSecret {
  return seal(secret, { kek, associatedData: { owner: serial, kind } });
}

export interface OpenSecretOptions {
  kek: Uint8Array;
  serial: string;
  kind: VaultKind;
  record: SealedSecret;
}

function asVaultError<T>({ serial, kind, record }: OpenSecretOptions, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof EnvelopeOpenError)) throw error;
    throw new VaultDecryptError(
      error.reason === 'authentication-failed'
        ? `vault record ${kind} for serial ${serial} failed authentication (tampered or moved from another serial/kind)`
        : `vault record ${kind} for serial ${serial} is wrapped by KEK ${record.kekId}, not the configured KEK ${error.kekId}`,
      { details: { serial, kind, recordKekId: record.kekId } },
    );
  }
}

/** Decrypt to bytes. Any failure throws VaultDecryptError (no partial plaintext, no secret). */
export function openSecretBytes(options: OpenSecretOptions): Buffer {
  const { kek, serial, kind, record } = options;
  return asVaultError(options, () =>
    open(record, { kek, associatedData: { owner: serial, kind } }),
  );
}

/** Decrypt a UTF-8 secret (a PIN). */
export function openSecret(options: OpenSecretOptions): string {
  const { kek, serial, kind, record } = options;
  return asVaultError(options, () =>
    openText(record, { kek, associatedData: { owner: serial, kind } }),
  );
}

export interface RewrapSecretOptions extends OpenSecretOptions {
  newKek: Uint8Array;
}

/** Re-wrap the data key under a new KEK; the secret's ciphertext is untouched. */
export function rewrapSecret(options: RewrapSecretOptions): SealedSecret {
  const { kek, newKek, serial, kind, record } = options;
  return asVaultError(options, () =>
    rewrap(record, { oldKek: kek, newKek, associatedData: { owner: serial, kind } }),
  );
}
