import { type AssociatedData, aad, assertKek, encrypt } from './aead.ts';
import { kekFingerprint } from './kekFingerprint.ts';
import { open, unwrapDataKey } from './open.ts';
import type { SealedRecord } from './sealedRecord.ts';

export interface RewrapOptions {
  oldKek: Uint8Array;
  newKek: Uint8Array;
  /** Needed because the wrapped data key is bound to it too. */
  associatedData: AssociatedData;
}

/** Re-wrap the data key under a new KEK (KEK rotation); the secret's ciphertext is untouched. */
export function rewrap(
  record: SealedRecord,
  { oldKek, newKek, associatedData }: RewrapOptions,
): SealedRecord {
  assertKek(newKek, 'new KEK');
  const options = { kek: oldKek, associatedData };
  // Verifies the whole record first, so a corrupt record is never re-wrapped as if it were fine.
  open(record, options).fill(0);
  const dek = unwrapDataKey(record, options);
  const wrapped = encrypt(newKek, dek, aad('dek', associatedData));
  dek.fill(0);
  return { ...record, kekId: kekFingerprint(newKek), wrappedKey: wrapped.toString('base64') };
}
