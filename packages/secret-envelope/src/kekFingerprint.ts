import { createHash } from 'node:crypto';

/** First 16 hex chars of SHA-256 over a label and the KEK: identifies a KEK without revealing it. */
export function kekFingerprint(kek: Uint8Array): string {
  return createHash('sha256').update('keyward-kek-id\0').update(kek).digest('hex').slice(0, 16);
}
