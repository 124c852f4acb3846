import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { VaultDecryptError } from '../errors.ts';

/** What a vault record holds per device serial. */
export const VAULT_KINDS = ['userPin', 'adminPin', 'unlockSecret'] as const;
export type VaultKind = (typeof VAULT_KINDS)[number];

/** AES-256-GCM (NIST SP 800-38D): 32-byte keys, 12-byte IVs, 16-byte tags. */
const ALG = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'keyward-vault-v1';

/**
 * A sealed secret. The data key (random per record) encrypts the secret; the KEK encrypts the
 * data key. Both encryptions bind serial and kind as AAD, so a record copied to another serial or
 * kind does not decrypt. All binary fields are base64.
 */
export interface SealedSecret {
  format: typeof FORMAT;
  /** Fingerprint of the KEK that wraps the data key (not secret; says which KEK to use). */
  kekId: string;
  wrappedKey: string;
  iv: string;
  ciphertext: string;
}

/** First 16 hex chars of SHA-256 over a label and the KEK: identifies a KEK without revealing it. */
export function kekFingerprint(kek: Uint8Array): string {
  return createHash('sha256').update('keyward-kek-id\0').update(kek).digest('hex').slice(0, 16);
}

function assertKek(kek: Uint8Array): void {
  if (kek.byteLength !== KEY_BYTES) {
    throw new TypeError(`KEK was ${kek.byteLength} bytes, expected ${KEY_BYTES}`);
  }
}

function aad(purpose: 'dek' | 'data', serial: string, kind: VaultKind): Buffer {
  return Buffer.from(`${FORMAT}\0${purpose}\0${serial}\0${kind}`, 'utf8');
}

function encrypt(key: Uint8Array, plaintext: Uint8Array, ad: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALG, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(ad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** Returns undefined on any failure: callers raise one error that says nothing about why. */
function decrypt(key: Uint8Array, sealed: Buffer, ad: Buffer): Buffer | undefined {
  if (sealed.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const iv = sealed.subarray(0, IV_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    const decipher = createDecipheriv(ALG, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(ad);
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    return undefined;
  }
}

export interface SealSecretOptions {
  kek: Uint8Array;
  serial: string;
  kind: VaultKind;
  secret: string | Uint8Array;
}

/** Encrypt a secret under a fresh data key, and wrap the data key with the KEK. */
export function sealSecret({ kek, serial, kind, secret }: SealSecretOptions): SealedSecret {
  assertKek(kek);
  const dek = randomBytes(KEY_BYTES);
  const plaintext = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  const sealed = encrypt(dek, plaintext, aad('data', serial, kind));
  const wrapped = encrypt(kek, dek, aad('dek', serial, kind));
  dek.fill(0);
  plaintext.fill(0);
  return {
    format: FORMAT,
    kekId: kekFingerprint(kek),
    wrappedKey: wrapped.toString('base64'),
    iv: sealed.subarray(0, IV_BYTES).toString('base64'),
    ciphertext: sealed.subarray(IV_BYTES).toString('base64'),
  };
}

export interface OpenSecretOptions {
  kek: Uint8Array;
  serial: string;
  kind: VaultKind;
  record: SealedSecret;
}

function failClosed(serial: string, kind: VaultKind, record: SealedSecret, kek: Uint8Array) {
  const sameKek = record.kekId === kekFingerprint(kek);
  return new VaultDecryptError(
    sameKek
      ? `vault record ${kind} for serial ${serial} failed authentication (tampered or moved from another serial/kind)`
      : `vault record ${kind} for serial ${serial} is wrapped by KEK ${record.kekId}, not the configured KEK ${kekFingerprint(kek)}`,
    { details: { serial, kind, recordKekId: record.kekId } },
  );
}

function unwrapKey({ kek, serial, kind, record }: OpenSecretOptions): Buffer {
  assertKek(kek);
  const dek = decrypt(kek, Buffer.from(record.wrappedKey, 'base64'), aad('dek', serial, kind));
  if (!dek || dek.length !== KEY_BYTES) throw failClosed(serial, kind, record, kek);
  return dek;
}

/** Decrypt to bytes. Any failure throws VaultDecryptError (no partial plaintext, no secret). */
export function openSecretBytes(options: OpenSecretOptions): Buffer {
  const { serial, kind, record, kek } = options;
  const dek = unwrapKey(options);
  const sealed = Buffer.concat([
    Buffer.from(record.iv, 'base64'),
    Buffer.from(record.ciphertext, 'base64'),
  ]);
  const plaintext = decrypt(dek, sealed, aad('data', serial, kind));
  dek.fill(0);
  if (!plaintext) throw failClosed(serial, kind, record, kek);
  return plaintext;
}

/** Decrypt a UTF-8 secret (a PIN). */
export function openSecret(options: OpenSecretOptions): string {
  const bytes = openSecretBytes(options);
  const text = bytes.toString('utf8');
  bytes.fill(0);
  return text;
}

export interface RewrapSecretOptions extends OpenSecretOptions {
  newKek: Uint8Array;
}

/** Re-wrap the data key under a new KEK; the secret's ciphertext is untouched. */
export function rewrapSecret({ newKek, ...options }: RewrapSecretOptions): SealedSecret {
  assertKek(newKek);
  // Verifies the whole record first, so a corrupt record is never re-wrapped as if it were fine.
  openSecretBytes(options).fill(0);
  const dek = unwrapKey(options);
  const wrapped = encrypt(newKek, dek, aad('dek', options.serial, options.kind));
  dek.fill(0);
  return {
    ...options.record,
    kekId: kekFingerprint(newKek),
    wrappedKey: wrapped.toString('base64'),
  };
}
