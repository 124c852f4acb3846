/**
 * ECDH P-256 key agreement for the PIN/UV auth protocols (CTAP 2.1 §6.5.6 "getPublicKey",
 * "ecdh"): keys travel as COSE_Key maps {1: 2 (EC2), 3: -25, -1: 1 (P-256), -2: x, -3: y} and
 * Z is the x-coordinate of the shared point.
 */
import { createECDH, type ECDH } from 'node:crypto';
import { type CborMap, cbor } from '../cbor.ts';
import { CoseAlg } from '../constants.ts';

export class PinProtocolError extends Error {
  override readonly name = 'PinProtocolError';
  readonly code = 'PIN_PROTOCOL' as const;
}

export type KeyAgreementKey = {
  readonly ecdh: ECDH;
  /** The public half as a COSE_Key map, as sent in keyAgreement. */
  readonly cose: CborMap;
};

const COSE_KTY_EC2 = 2;
const COSE_CRV_P256 = 1;

function toCose(publicKey: Uint8Array): CborMap {
  return new Map<number, number | Uint8Array>([
    [1, COSE_KTY_EC2],
    [3, CoseAlg.ECDH_ES_HKDF_256],
    [-1, COSE_CRV_P256],
    [-2, publicKey.subarray(1, 33)],
    [-3, publicKey.subarray(33, 65)],
  ]);
}

/** A fresh P-256 key pair, or the one with the given private scalar (for test vectors). */
export function generateKeyAgreementKey(privateKey?: Uint8Array): KeyAgreementKey {
  const ecdh = createECDH('prime256v1');
  if (privateKey) ecdh.setPrivateKey(privateKey);
  else ecdh.generateKeys();
  return { ecdh, cose: toCose(new Uint8Array(ecdh.getPublicKey())) };
}

/** The uncompressed SEC1 point of a peer COSE_Key, after checking its shape. */
export function coseToPoint(key: CborMap): Uint8Array {
  const kty = cbor.reqInt(key, 1, 'keyAgreement.kty');
  const crv = cbor.reqInt(key, -1, 'keyAgreement.crv');
  if (kty !== COSE_KTY_EC2 || crv !== COSE_CRV_P256) {
    throw new PinProtocolError(`keyAgreement: expected EC2 P-256, received kty ${kty} crv ${crv}`);
  }
  const x = cbor.reqBytes(key, -2, 'keyAgreement.x');
  const y = cbor.reqBytes(key, -3, 'keyAgreement.y');
  if (x.length !== 32 || y.length !== 32) {
    throw new PinProtocolError(
      `keyAgreement: x and y must be 32 bytes, received ${x.length} and ${y.length}`,
    );
  }
  const point = new Uint8Array(65);
  point[0] = 0x04;
  point.set(x, 1);
  point.set(y, 33);
  return point;
}

/** Z: the x-coordinate of own × peer. Throws PinProtocolError for a point not on the curve. */
export function ecdhZ(own: KeyAgreementKey, peer: CborMap): Uint8Array {
  try {
    return new Uint8Array(own.ecdh.computeSecret(coseToPoint(peer)));
  } catch (cause) {
    if (cause instanceof PinProtocolError) throw cause;
    throw new PinProtocolError('keyAgreement: public key is not a valid P-256 point', { cause });
  }
}
