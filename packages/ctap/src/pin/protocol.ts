/**
 * PIN/UV auth protocols one and two (CTAP 2.1 §6.5.6 and §6.5.7), used by both ends: the host
 * library (platform side: encapsulate) and the software authenticator (decapsulate).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type { CborMap } from '../cbor.ts';
import {
  ecdhZ,
  generateKeyAgreementKey,
  type KeyAgreementKey,
  PinProtocolError,
} from './keyAgreement.ts';

export interface PinUvAuthProtocol {
  readonly version: 1 | 2;
  /** Length of pinUvAuthParam this protocol produces and accepts. */
  readonly authParamLength: 16 | 32;
  kdf(z: Uint8Array): Uint8Array;
  encrypt(sharedSecret: Uint8Array, plaintext: Uint8Array, iv?: Uint8Array): Uint8Array;
  decrypt(sharedSecret: Uint8Array, ciphertext: Uint8Array): Uint8Array;
  authenticate(key: Uint8Array, message: Uint8Array): Uint8Array;
  verify(key: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}

const ZERO_IV = new Uint8Array(16);

function aesCbc(mode: 'enc' | 'dec', key: Uint8Array, iv: Uint8Array, data: Uint8Array) {
  if (data.length % 16 !== 0) {
    throw new PinProtocolError(`AES-CBC input must be a multiple of 16 bytes, was ${data.length}`);
  }
  const cipher =
    mode === 'enc'
      ? createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false)
      : createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return new Uint8Array(Buffer.concat([cipher.update(data), cipher.final()]));
}

function hmac(key: Uint8Array, message: Uint8Array): Uint8Array {
  return new Uint8Array(createHmac('sha256', key).update(message).digest());
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Protocol one: SHA-256(Z), AES-256-CBC with a zero IV, HMAC-SHA-256 truncated to 16 bytes. */
export const PinProtocolV1: PinUvAuthProtocol = {
  version: 1,
  authParamLength: 16,
  kdf: (z) => new Uint8Array(createHash('sha256').update(z).digest()),
  encrypt: (key, plaintext) => aesCbc('enc', key, ZERO_IV, plaintext),
  decrypt: (key, ciphertext) => aesCbc('dec', key, ZERO_IV, ciphertext),
  authenticate: (key, message) => hmac(key, message).subarray(0, 16),
  verify: (key, message, signature) =>
    signature.length === 16 && constantTimeEqual(hmac(key, message).subarray(0, 16), signature),
};

const HKDF_SALT = new Uint8Array(32);
const hkdf = (z: Uint8Array, info: string) =>
  new Uint8Array(hkdfSync('sha256', z, HKDF_SALT, info, 32));

/** The HMAC half of a 64-byte protocol-two shared secret, or a 32-byte token as is. */
const v2HmacKey = (key: Uint8Array) => (key.length === 64 ? key.subarray(0, 32) : key);
const v2AesKey = (key: Uint8Array) => {
  if (key.length !== 64) {
    throw new PinProtocolError(`protocol 2 shared secret must be 64 bytes, was ${key.length}`);
  }
  return key.subarray(32);
};

/** Protocol two: HKDF-SHA-256 keys, random-IV AES-256-CBC (IV ‖ ct), full HMAC-SHA-256. */
export const PinProtocolV2: PinUvAuthProtocol = {
  version: 2,
  authParamLength: 32,
  kdf: (z) => {
    const out = new Uint8Array(64);
    out.set(hkdf(z, 'CTAP2 HMAC key'), 0);
    out.set(hkdf(z, 'CTAP2 AES key'), 32);
    return out;
  },
  encrypt: (key, plaintext, iv = new Uint8Array(randomBytes(16))) => {
    const ct = aesCbc('enc', v2AesKey(key), iv, plaintext);
    const out = new Uint8Array(16 + ct.length);
    out.set(iv, 0);
    out.set(ct, 16);
    return out;
  },
  decrypt: (key, ciphertext) => {
    if (ciphertext.length < 16) {
      throw new PinProtocolError(
        `protocol 2 ciphertext must hold a 16-byte IV, was ${ciphertext.length} bytes`,
      );
    }
    return aesCbc('dec', v2AesKey(key), ciphertext.subarray(0, 16), ciphertext.subarray(16));
  },
  authenticate: (key, message) => hmac(v2HmacKey(key), message),
  verify: (key, message, signature) =>
    signature.length === 32 && constantTimeEqual(hmac(v2HmacKey(key), message), signature),
};

export const PIN_PROTOCOLS: Readonly<Record<1 | 2, PinUvAuthProtocol>> = {
  1: PinProtocolV1,
  2: PinProtocolV2,
};

export function pinProtocol(version: number): PinUvAuthProtocol | undefined {
  return version === 1 || version === 2 ? PIN_PROTOCOLS[version] : undefined;
}

/** Platform side: a fresh key pair, agreed with the authenticator's key. */
export function encapsulate(
  protocol: PinUvAuthProtocol,
  peer: CborMap,
  own: KeyAgreementKey = generateKeyAgreementKey(),
): { keyAgreement: CborMap; sharedSecret: Uint8Array } {
  return { keyAgreement: own.cose, sharedSecret: protocol.kdf(ecdhZ(own, peer)) };
}

/** Authenticator side: its own key agreed with the platform's key. */
export function decapsulate(
  protocol: PinUvAuthProtocol,
  own: KeyAgreementKey,
  peer: CborMap,
): Uint8Array {
  return protocol.kdf(ecdhZ(own, peer));
}

/** LEFT(SHA-256(PIN), 16): what pinHashEnc carries and what an authenticator stores. */
export function pinHash(pin: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(pin, 'utf8').digest().subarray(0, 16));
}

/** The PIN as UTF-8, zero-padded to 64 bytes (CTAP 2.1 §6.5.5.5: newPinEnc). */
export function padPin(pin: string): Uint8Array {
  const utf8 = new TextEncoder().encode(pin);
  if (utf8.length > 63)
    throw new PinProtocolError(`PIN is ${utf8.length} bytes, at most 63 allowed`);
  const out = new Uint8Array(64);
  out.set(utf8, 0);
  return out;
}
