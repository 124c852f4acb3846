/**
 * Authenticator data (WebAuthn §6.1): rpIdHash ‖ flags ‖ signCount ‖ attestedCredentialData? ‖
 * extensions?. The raw bytes are kept beside the parsed fields, because signatures cover them.
 */
import { ByteReader } from '../byteReader.ts';
import { type CborMap, decodeCtap, decodeCtapMap } from '../cbor.ts';
import { AuthDataFlag } from '../constants.ts';
import { decoding, ProtocolError } from '../errors.ts';
import { cborItemLength } from './cborItem.ts';
import { formatAaguid } from './info.ts';

export type AttestedCredentialData = {
  aaguid: string;
  credentialId: Uint8Array;
  /** The COSE_Key as decoded, and its exact bytes. */
  publicKey: CborMap;
  publicKeyBytes: Uint8Array;
};

export type AuthenticatorData = {
  raw: Uint8Array;
  rpIdHash: Uint8Array;
  flags: number;
  userPresent: boolean;
  userVerified: boolean;
  signCount: number;
  attestedCredentialData?: AttestedCredentialData;
  extensions?: CborMap;
};

export function parseAuthenticatorData(raw: Uint8Array): AuthenticatorData {
  return decoding('authenticatorData', () => {
    const r = new ByteReader(raw, 'authenticatorData');
    const rpIdHash = r.bytesOf(32, 'rpIdHash');
    const flags = r.uint8('flags');
    const signCount = r.uint32('signCount');
    const out: AuthenticatorData = {
      raw,
      rpIdHash,
      flags,
      userPresent: (flags & AuthDataFlag.UP) !== 0,
      userVerified: (flags & AuthDataFlag.UV) !== 0,
      signCount,
    };
    if (flags & AuthDataFlag.AT) {
      const aaguid = formatAaguid(r.bytesOf(16, 'aaguid'));
      const idLength = r.uint16('credentialIdLength');
      const credentialId = r.bytesOf(idLength, 'credentialId');
      const keyLength = cborItemLength(raw, r.offset);
      const publicKeyBytes = r.bytesOf(keyLength, 'credentialPublicKey');
      // COSE keys from authenticators are canonical in practice but not required to be.
      const publicKey = decodeCtap(publicKeyBytes, { canonical: false });
      if (!(publicKey instanceof Map)) {
        throw new ProtocolError('authenticatorData.credentialPublicKey', 'expected a COSE_Key map');
      }
      out.attestedCredentialData = { aaguid, credentialId, publicKey, publicKeyBytes };
    }
    if (flags & AuthDataFlag.ED) {
      out.extensions = decodeCtapMap(r.rest(), { canonical: false });
    }
    r.end();
    return out;
  });
}
