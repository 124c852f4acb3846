import type { FORMAT } from './aead.ts';

/**
 * A sealed secret, safe to store. A random data key encrypts the secret; the KEK encrypts (wraps)
 * the data key; both encryptions bind the associated data. Binary fields are base64. This is the
 * stored shape of the policy PIN vault and of identity's sealed IdP secrets.
 */
export interface SealedRecord {
  format: typeof FORMAT;
  /** Fingerprint of the KEK that wraps the data key (not secret; says which KEK to use). */
  kekId: string;
  wrappedKey: string;
  iv: string;
  ciphertext: string;
}
