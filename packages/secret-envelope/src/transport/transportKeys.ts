import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';

/** X25519 (RFC 7748): 32-byte private and public keys. */
export const X25519_KEY_BYTES = 32;

/** PKCS#8 prefix of a raw X25519 private key (RFC 8410 §7, OID 1.3.101.110). */
const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

/** A transport key pair: the private key stays in the process; the public one is shared. */
export interface TransportKeyPair {
  /** 32 bytes, base64url. */
  publicKey: string;
  /** {@link transportKeyId} of `publicKey`. */
  keyId: string;
  privateKey: KeyObject;
}

/** First 16 bytes of SHA-256 over a label and the public key, base64url (22 characters). */
export function transportKeyId(publicKey: string): string {
  return createHash('sha256')
    .update('keyward-transport-key-id\0')
    .update(Buffer.from(publicKey, 'base64url'))
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

function fromPrivateKey(privateKey: KeyObject): TransportKeyPair {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new TypeError('not an X25519 key');
  return { publicKey: jwk.x, keyId: transportKeyId(jwk.x), privateKey };
}

/** A fresh random key pair (a request's reply key; a sender's ephemeral key). */
export function generateTransportKeyPair(): TransportKeyPair {
  return fromPrivateKey(generateKeyPairSync('x25519').privateKey);
}

/** Options of {@link deriveTransportKeyPair}. */
export interface DeriveTransportKeyOptions {
  /** Key material every replica shares (the policy's KEK); at least 32 bytes. Never used as is. */
  secret: Uint8Array;
  /** What the key is for, e.g. `policy sealing key`; another label gives an unrelated key. */
  label: string;
}

/**
 * The same key pair from the same secret and label on every replica: HKDF-SHA256 (RFC 5869)
 * expands the secret under a fixed salt and the label to the 32-byte X25519 private key
 * (every 32-byte string is one, RFC 7748 §5 clamps it). The secret itself never becomes a key.
 */
export function deriveTransportKeyPair({
  secret,
  label,
}: DeriveTransportKeyOptions): TransportKeyPair {
  if (secret.byteLength < 32) {
    throw new TypeError(
      `transport key secret was ${secret.byteLength} bytes, expected at least 32`,
    );
  }
  if (label === '') throw new TypeError('transport key label must not be empty');
  const raw = Buffer.from(
    hkdfSync('sha256', secret, 'keyward-transport-key-v1', label, X25519_KEY_BYTES),
  );
  const pair = transportKeyPairFromRaw(raw);
  raw.fill(0);
  return pair;
}

/** The key pair of a raw 32-byte X25519 private key (RFC 7748 §5 scalar, unclamped). */
export function transportKeyPairFromRaw(raw: Uint8Array): TransportKeyPair {
  if (raw.byteLength !== X25519_KEY_BYTES) {
    throw new TypeError(`X25519 private key was ${raw.byteLength} bytes, expected 32`);
  }
  const der = Buffer.concat([PKCS8_X25519_PREFIX, raw]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  return fromPrivateKey(privateKey);
}

/** Imports a peer's public key (43 base64url characters); a TypeError for anything else. */
export function importTransportPublicKey(publicKey: string): KeyObject {
  const bytes = Buffer.from(publicKey, 'base64url');
  if (bytes.length !== X25519_KEY_BYTES || bytes.toString('base64url') !== publicKey) {
    throw new TypeError(
      `transport public key was ${bytes.length} bytes, expected ${X25519_KEY_BYTES} as base64url`,
    );
  }
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: publicKey }, format: 'jwk' });
}
