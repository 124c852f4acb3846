/**
 * Credential IDs are the credential itself, wrapped: version ‖ IV ‖ AES-256-GCM(masterKey,
 * CBOR{1: alg, 2: private key, 3: credProtect, 4: discoverable}) ‖ tag, with the RP ID hash as
 * associated data, so an ID only opens for the RP it was made for. Non-discoverable credentials
 * need no storage; Reset renews the master key, which makes every old ID unusable.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { cbor, concatBytes, decodeCtapMap, encodeCanonical } from '@keyward/ctap/internal';
import type { CredentialAlg } from './credentialKey.ts';

const VERSION = 0x01;
export const MAX_CREDENTIAL_ID_LENGTH = 128;

export type WrappedCredential = {
  alg: CredentialAlg;
  privateKey: Uint8Array;
  credProtect: 1 | 2 | 3;
  discoverable: boolean;
};

export function wrapCredentialId(
  masterKey: Uint8Array,
  rpIdHash: Uint8Array,
  cred: WrappedCredential,
): Uint8Array {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv).setAAD(rpIdHash);
  const plain = encodeCanonical(
    new Map<number, number | boolean | Uint8Array>([
      [1, cred.alg],
      [2, cred.privateKey],
      [3, cred.credProtect],
      [4, cred.discoverable],
    ]),
  );
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return concatBytes(Uint8Array.of(VERSION), iv, ct, cipher.getAuthTag());
}

/** The credential inside an ID, or undefined if it is not ours or not for this RP. */
export function unwrapCredentialId(
  masterKey: Uint8Array,
  rpIdHash: Uint8Array,
  id: Uint8Array,
): WrappedCredential | undefined {
  if (id.length < 1 + 12 + 16 + 1 || id[0] !== VERSION) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, id.subarray(1, 13)).setAAD(
      rpIdHash,
    );
    decipher.setAuthTag(id.subarray(id.length - 16));
    const plain = Buffer.concat([
      decipher.update(id.subarray(13, id.length - 16)),
      decipher.final(),
    ]);
    const m = decodeCtapMap(new Uint8Array(plain));
    const alg = cbor.reqInt(m, 1, 'alg');
    const credProtect = cbor.reqUint(m, 3, 'credProtect');
    if ((alg !== -7 && alg !== -8) || credProtect < 1 || credProtect > 3) return undefined;
    return {
      alg,
      privateKey: cbor.reqBytes(m, 2, 'privateKey'),
      credProtect: credProtect as 1 | 2 | 3,
      discoverable: cbor.reqBool(m, 4, 'discoverable'),
    };
  } catch {
    return undefined;
  }
}
