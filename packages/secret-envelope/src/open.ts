import { AEAD, type AssociatedData, aad, assertKek, decrypt } from './aead.ts';
import { EnvelopeOpenError } from './envelopeOpenError.ts';
import { kekFingerprint } from './kekFingerprint.ts';
import type { SealedRecord } from './sealedRecord.ts';

export interface OpenOptions {
  kek: Uint8Array;
  associatedData: AssociatedData;
}

/** The one error for every failure: says which KEKs, never why GCM refused or any byte. */
export function openFailure(record: SealedRecord, kek: Uint8Array, ad: AssociatedData) {
  const kekId = kekFingerprint(kek);
  const where = `sealed ${ad.kind} of ${ad.owner}`;
  return record.kekId === kekId
    ? new EnvelopeOpenError(
        { reason: 'authentication-failed', recordKekId: record.kekId, kekId },
        `${where} failed authentication (tampered or moved from another owner/kind)`,
      )
    : new EnvelopeOpenError(
        { reason: 'kek-mismatch', recordKekId: record.kekId, kekId },
        `${where} is wrapped by KEK ${record.kekId}, not the configured KEK ${kekId}`,
      );
}

/** Unwraps the data key; the caller zeroes it. */
export function unwrapDataKey(record: SealedRecord, { kek, associatedData }: OpenOptions): Buffer {
  assertKek(kek);
  const dek = decrypt(kek, Buffer.from(record.wrappedKey, 'base64'), aad('dek', associatedData));
  if (!dek || dek.length !== AEAD.keyBytes) throw openFailure(record, kek, associatedData);
  return dek;
}

/** Decrypt to bytes (the caller zeroes them). Any failure throws EnvelopeOpenError. */
export function open(record: SealedRecord, options: OpenOptions): Buffer {
  const dek = unwrapDataKey(record, options);
  const sealed = Buffer.concat([
    Buffer.from(record.iv, 'base64'),
    Buffer.from(record.ciphertext, 'base64'),
  ]);
  const plaintext = decrypt(dek, sealed, aad('data', options.associatedData));
  dek.fill(0);
  if (!plaintext) throw openFailure(record, options.kek, options.associatedData);
  return plaintext;
}

/** Decrypt a UTF-8 secret (a PIN, a client secret). */
export function openText(record: SealedRecord, options: OpenOptions): string {
  const bytes = open(record, options);
  const text = bytes.toString('utf8');
  bytes.fill(0);
  return text;
}
