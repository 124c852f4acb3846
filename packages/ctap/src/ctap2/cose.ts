/**
 * COSE public keys (RFC 9053; CTAP 2.1 §6.5.6) to node KeyObjects, and signature checks over
 * authData ‖ clientDataHash: ES256 (DER ECDSA over SHA-256) and EdDSA (Ed25519, raw).
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { type CborMap, cbor } from '../cbor.ts';
import { CoseAlg } from '../constants.ts';
import { decoding, UnsupportedError } from '../errors.ts';

const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');

export function coseToKeyObject(key: CborMap): { alg: number; key: KeyObject } {
  return decoding('credentialPublicKey', () => {
    const kty = cbor.reqInt(key, 1, 'credentialPublicKey.kty');
    const alg = cbor.reqInt(key, 3, 'credentialPublicKey.alg');
    if (alg === CoseAlg.ES256 && kty === 2) {
      const x = cbor.reqBytes(key, -2, 'credentialPublicKey.x');
      const y = cbor.reqBytes(key, -3, 'credentialPublicKey.y');
      return {
        alg,
        key: createPublicKey({
          key: { kty: 'EC', crv: 'P-256', x: b64u(x), y: b64u(y) },
          format: 'jwk',
        }),
      };
    }
    if (alg === CoseAlg.EdDSA && kty === 1) {
      const x = cbor.reqBytes(key, -2, 'credentialPublicKey.x');
      return {
        alg,
        key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64u(x) }, format: 'jwk' }),
      };
    }
    throw new UnsupportedError(`COSE algorithm ${alg} (key type ${kty})`);
  });
}

/** Verifies a credential signature over `message` with its COSE public key. */
export function verifyCoseSignature(
  key: CborMap,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  const { alg, key: publicKey } = coseToKeyObject(key);
  try {
    return verify(alg === CoseAlg.EdDSA ? null : 'sha256', message, publicKey, signature);
  } catch {
    return false;
  }
}
