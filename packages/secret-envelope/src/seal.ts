import { randomBytes } from 'node:crypto';
import { AEAD, type AssociatedData, aad, assertKek, encrypt, FORMAT } from './aead.ts';
import { kekFingerprint } from './kekFingerprint.ts';
import type { SealedRecord } from './sealedRecord.ts';

export interface SealOptions {
  kek: Uint8Array;
  associatedData: AssociatedData;
}

/** Encrypt a secret (UTF-8 text or bytes) under a fresh data key, and wrap the key with the KEK. */
export function seal(
  plaintext: string | Uint8Array,
  { kek, associatedData }: SealOptions,
): SealedRecord {
  assertKek(kek);
  const dek = randomBytes(AEAD.keyBytes);
  const bytes =
    typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : Buffer.from(plaintext);
  const sealed = encrypt(dek, bytes, aad('data', associatedData));
  const wrapped = encrypt(kek, dek, aad('dek', associatedData));
  dek.fill(0);
  bytes.fill(0);
  return {
    format: FORMAT,
    kekId: kekFingerprint(kek),
    wrappedKey: wrapped.toString('base64'),
    iv: sealed.subarray(0, AEAD.ivBytes).toString('base64'),
    ciphertext: sealed.subarray(AEAD.ivBytes).toString('base64'),
  };
}
