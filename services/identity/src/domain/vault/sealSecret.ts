import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { KeywardError } from '@keyward/contracts';

// The same envelope scheme as the policy vault (services/policy/src/domain/vault/vaultCrypto.ts):
// AES-256-GCM (NIST SP 800-38D), a random data key per secret wrapped by the KEK from config,
// both encryptions bound by AAD. Duplicated here because services never import each other; it
// belongs in a shared package (reported to the lead).

const ALG = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'keyward-vault-v1';

/** A sealed IdP secret; binary fields base64. Safe to store, log-free by construction. */
export interface SealedSecret {
  format: typeof FORMAT;
  kekId: string;
  wrappedKey: string;
  iv: string;
  ciphertext: string;
}

/** Identifies a KEK without revealing it. */
export function kekFingerprint(kek: Uint8Array): string {
  return createHash('sha256').update('keyward-kek-id\0').update(kek).digest('hex').slice(0, 16);
}

function assertKek(kek: Uint8Array): void {
  if (kek.byteLength !== KEY_BYTES) {
    throw new TypeError(`KEK was ${kek.byteLength} bytes, expected ${KEY_BYTES}`);
  }
}

/** AAD binds the record to its connection and field, so a copied record does not open. */
function aad(purpose: 'dek' | 'data', owner: string, field: string): Buffer {
  return Buffer.from(`${FORMAT}\0${purpose}\0idp:${owner}\0${field}`, 'utf8');
}

function encrypt(key: Uint8Array, plaintext: Uint8Array, ad: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALG, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(ad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

function decrypt(key: Uint8Array, sealed: Buffer, ad: Buffer): Buffer | undefined {
  if (sealed.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv(ALG, key, sealed.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(ad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    return undefined;
  }
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
  assertKek(kek);
  const dek = randomBytes(KEY_BYTES);
  const plaintext = Buffer.from(secret, 'utf8');
  const sealed = encrypt(dek, plaintext, aad('data', owner, field));
  const wrapped = encrypt(kek, dek, aad('dek', owner, field));
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

export interface OpenOptions {
  kek: Uint8Array;
  owner: string;
  field: string;
  record: SealedSecret;
}

/** Opens a sealed secret; any failure is VAULT_DECRYPT_FAILED naming the record, never a byte. */
export function openSecret({ kek, owner, field, record }: OpenOptions): string {
  assertKek(kek);
  const fail = () =>
    new KeywardError(
      'VAULT_DECRYPT_FAILED',
      record.kekId === kekFingerprint(kek)
        ? `sealed ${field} of IdP connection ${owner} failed authentication (tampered or moved)`
        : `sealed ${field} of IdP connection ${owner} is wrapped by KEK ${record.kekId}, not the configured KEK ${kekFingerprint(kek)}`,
      { details: { idpId: owner, field, recordKekId: record.kekId } },
    );
  const dek = decrypt(kek, Buffer.from(record.wrappedKey, 'base64'), aad('dek', owner, field));
  if (!dek || dek.length !== KEY_BYTES) throw fail();
  const plaintext = decrypt(
    dek,
    Buffer.concat([Buffer.from(record.iv, 'base64'), Buffer.from(record.ciphertext, 'base64')]),
    aad('data', owner, field),
  );
  dek.fill(0);
  if (!plaintext) throw fail();
  const text = plaintext.toString('utf8');
  plaintext.fill(0);
  return text;
}
