/**
 * Attestation statements (WebAuthn §8.2 "packed", §8.7 "none"). Full packed attestation signs
 * authData ‖ clientDataHash with the batch key, or — for an enterprise attestation — with the
 * device's uniquely identifying key; x5c carries the leaf certificate.
 *
 * CTAP 2.1 has no way to ask for "none"; this key honours the CTAP 2.2 makeCredential parameter
 * 0x0B attestationFormatsPreference (first supported entry wins) and defaults to "packed".
 */
import { createPrivateKey, sign } from 'node:crypto';
import { type CborMap, type CborValue, CoseAlg, concatBytes } from '@keyward/ctap/internal';
import type { AttestationMaterial } from './state.ts';
import { b64 } from './state.ts';

export const ATTESTATION_FORMATS = ['packed', 'none'] as const;
export type AttestationFormat = (typeof ATTESTATION_FORMATS)[number];

export function packedStatement(options: {
  material: AttestationMaterial;
  enterprise: boolean;
  authData: Uint8Array;
  clientDataHash: Uint8Array;
}): CborMap {
  const { material, enterprise, authData, clientDataHash } = options;
  const key = createPrivateKey({
    key: Buffer.from(enterprise ? material.enterpriseKey : material.batchKey, 'base64url'),
    format: 'der',
    type: 'pkcs8',
  });
  const sig = new Uint8Array(sign('sha256', concatBytes(authData, clientDataHash), key));
  const leaf = b64.decode(enterprise ? material.enterpriseCert : material.batchCert);
  return new Map<string, CborValue>([
    ['alg', CoseAlg.ES256],
    ['sig', sig],
    // Only the leaf: verifiers hold the root as their trust anchor (WebAuthn §8.2 x5c).
    ['x5c', [leaf]],
  ]);
}
