import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM (NIST SP 800-38D §5.2.1.1, §5.2.1.2): 32-byte keys, 12-byte IVs, 16-byte tags. */
export const AEAD = {
  algorithm: 'aes-256-gcm',
  keyBytes: 32,
  ivBytes: 12,
  tagBytes: 16,
} as const;

/** Record format tag; also the first AAD component, so a v1 key never opens another format. */
export const FORMAT = 'keyward-vault-v1';

/** What a record is bound to. Part of the AAD of both encryptions; never stored in the record. */
export interface AssociatedData {
  /** Who the secret belongs to, e.g. a device serial or `idp:<connection id>`. */
  owner: string;
  /** Which secret of the owner, e.g. `userPin` or `clientSecret`. */
  kind: string;
}

export function assertKek(kek: Uint8Array, name = 'KEK'): void {
  if (kek.byteLength !== AEAD.keyBytes) {
    throw new TypeError(`${name} was ${kek.byteLength} bytes, expected ${AEAD.keyBytes}`);
  }
}

/**
 * `FORMAT \0 purpose \0 owner \0 kind`. The byte layout is the stored format (records sealed
 * before this package existed must still open), so it must not change. NUL inside a component
 * would make two bindings encode alike, so it is refused.
 */
export function aad(purpose: 'dek' | 'data', { owner, kind }: AssociatedData): Buffer {
  if (owner.includes('\0') || kind.includes('\0')) {
    throw new TypeError('associated data owner and kind must not contain NUL');
  }
  return Buffer.from(`${FORMAT}\0${purpose}\0${owner}\0${kind}`, 'utf8');
}

/** Returns `iv ‖ ciphertext ‖ tag` under a fresh random IV. */
export function encrypt(key: Uint8Array, plaintext: Uint8Array, ad: Buffer): Buffer {
  const iv = randomBytes(AEAD.ivBytes);
  const cipher = createCipheriv(AEAD.algorithm, key, iv, { authTagLength: AEAD.tagBytes });
  cipher.setAAD(ad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** Returns undefined on any failure: callers raise one error that says nothing about why. */
export function decrypt(key: Uint8Array, sealed: Buffer, ad: Buffer): Buffer | undefined {
  if (sealed.length < AEAD.ivBytes + AEAD.tagBytes) return undefined;
  try {
    const iv = sealed.subarray(0, AEAD.ivBytes);
    const tag = sealed.subarray(sealed.length - AEAD.tagBytes);
    const decipher = createDecipheriv(AEAD.algorithm, key, iv, { authTagLength: AEAD.tagBytes });
    decipher.setAAD(ad);
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(sealed.subarray(AEAD.ivBytes, sealed.length - AEAD.tagBytes)),
      decipher.final(),
    ]);
  } catch {
    return undefined;
  }
}
