/**
 * Credential key pairs: ES256 (P-256, COSE alg -7) and EdDSA (Ed25519, COSE alg -8), stored as
 * the bare 32-byte private scalar / seed and turned into KeyObjects on use (CTAP 2.1 §6.1.2
 * step 17; COSE encodings per RFC 8152 / CTAP 2.1 §6.5.6).
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
} from 'node:crypto';
import { CoseAlg } from '@keyward/ctap/internal';

export type CredentialAlg = typeof CoseAlg.ES256 | typeof CoseAlg.EdDSA;
export const SUPPORTED_ALGS: readonly CredentialAlg[] = [CoseAlg.ES256, CoseAlg.EdDSA];

// DER prefixes of PKCS#8 PrivateKeyInfo for a raw key (RFC 5915 without public key; RFC 8410).
const P256_PKCS8_PREFIX = Buffer.from(
  '3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420',
  'hex',
);
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function generateCredentialKey(alg: CredentialAlg): Uint8Array {
  if (alg === CoseAlg.EdDSA) return new Uint8Array(randomBytes(32));
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const d = privateKey.export({ format: 'jwk' }).d;
  if (!d) throw new Error('P-256 key without private scalar');
  return new Uint8Array(Buffer.from(d, 'base64url'));
}

export function privateKeyObject(alg: CredentialAlg, raw: Uint8Array): KeyObject {
  const prefix = alg === CoseAlg.EdDSA ? ED25519_PKCS8_PREFIX : P256_PKCS8_PREFIX;
  return createPrivateKey({
    key: Buffer.concat([prefix, raw]),
    format: 'der',
    type: 'pkcs8',
  });
}

/** The COSE_Key of the public half, canonical key order 1, 3, -1, -2, -3. */
export function publicCoseKey(
  alg: CredentialAlg,
  raw: Uint8Array,
): Map<number, number | Uint8Array> {
  const jwk = createPublicKey(privateKeyObject(alg, raw)).export({ format: 'jwk' });
  const x = new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'));
  if (alg === CoseAlg.EdDSA) {
    return new Map<number, number | Uint8Array>([
      [1, 1],
      [3, CoseAlg.EdDSA],
      [-1, 6],
      [-2, x],
    ]);
  }
  const y = new Uint8Array(Buffer.from(jwk.y ?? '', 'base64url'));
  return new Map<number, number | Uint8Array>([
    [1, 2],
    [3, CoseAlg.ES256],
    [-1, 1],
    [-2, x],
    [-3, y],
  ]);
}

/** ES256: DER ECDSA over SHA-256; EdDSA: raw 64-byte signature over the message itself. */
export function signWith(key: KeyObject, alg: CredentialAlg, message: Uint8Array): Uint8Array {
  return new Uint8Array(sign(alg === CoseAlg.EdDSA ? null : 'sha256', message, key));
}
