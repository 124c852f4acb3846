/**
 * The "keyward-sim" vendor profile: Keyward's software authenticator (keywardSimProtocol.ts).
 * Secrets travel encrypted under a clientPIN shared secret, like authenticatorClientPIN.
 */
import { concatBytes } from '../byteReader.ts';
import { type CborMap, type CborValue, cbor } from '../cbor.ts';
import { CtapStatus } from '../constants.ts';
import { ClientPin } from '../ctap2/clientPin.ts';
import type { Ctap2 } from '../ctap2/ctap2.ts';
import type { CallOptions } from '../device.ts';
import { CtapError, decoding, ProtocolError, UnsupportedError } from '../errors.ts';
import { padPin, pinHash } from '../pin/protocol.ts';
import {
  KeywardSimAaguid,
  UNLOCK_CHALLENGE_LENGTH,
  KeywardVendorCmd as V,
} from './keywardSimProtocol.ts';
import type { VendorProfile } from './vendorProfile.ts';

const SIM_AAGUIDS: ReadonlySet<string> = new Set(Object.values(KeywardSimAaguid));

async function session(ctap2: Ctap2, options?: CallOptions) {
  const clientPin = new ClientPin(ctap2);
  const { keyAgreement, sharedSecret } = await clientPin.sharedSecret(options);
  return { protocol: clientPin.protocol, keyAgreement, sharedSecret };
}

async function send(
  ctap2: Ctap2,
  cmd: number,
  entries: [number, CborValue][] | undefined,
  name: string,
  options?: CallOptions,
): Promise<CborMap> {
  const params: CborMap | undefined = entries ? new Map<number, CborValue>(entries) : undefined;
  try {
    return await ctap2.sendCbor(cmd, params, { ...options, name: `keyward-sim.${name}` });
  } catch (error) {
    // Models without admin mode answer INVALID_COMMAND: that is "unsupported by this key".
    if (error instanceof CtapError && error.status === CtapStatus.CTAP1_ERR_INVALID_COMMAND) {
      throw new UnsupportedError(`keyward-sim ${name} (this model has no admin mode)`, {
        cause: error,
      });
    }
    throw error;
  }
}

export const keywardSimProfile: VendorProfile = {
  id: 'keyward-sim',
  matches: (info) => SIM_AAGUIDS.has(info.aaguid),

  async getSerial(ctap2, options) {
    const r = await send(ctap2, V.GET_SERIAL, undefined, 'getSerial', options);
    return decoding('keyward-sim.getSerial', () => cbor.reqText(r, 1, 'keyward-sim.serial'));
  },

  async getAdminPinStatus(ctap2, options) {
    const r = await send(ctap2, V.GET_ADMIN_RETRIES, undefined, 'getAdminRetries', options);
    return decoding('keyward-sim.getAdminRetries', () => ({
      retries: cbor.reqUint(r, 1, 'keyward-sim.adminPinRetries'),
      set: cbor.reqBool(r, 2, 'keyward-sim.adminPinSet'),
    }));
  },

  async setAdminPin(ctap2, { newAdminPin, currentAdminPin }, options) {
    const s = await session(ctap2, options);
    const newEnc = s.protocol.encrypt(s.sharedSecret, padPin(newAdminPin));
    const hashEnc =
      currentAdminPin === undefined
        ? undefined
        : s.protocol.encrypt(s.sharedSecret, pinHash(currentAdminPin));
    const entries: [number, CborValue][] = [
      [1, s.protocol.version],
      [2, s.keyAgreement],
      [3, newEnc],
      [
        4,
        s.protocol.authenticate(s.sharedSecret, concatBytes(newEnc, hashEnc ?? new Uint8Array(0))),
      ],
    ];
    if (hashEnc) entries.push([5, hashEnc]);
    await send(ctap2, V.SET_ADMIN_PIN, entries, 'setAdminPin', options);
  },

  async adminUnlock(ctap2, { adminPin, newPin }, options) {
    const s = await session(ctap2, options);
    const hashEnc = s.protocol.encrypt(s.sharedSecret, pinHash(adminPin));
    const newPinEnc = s.protocol.encrypt(s.sharedSecret, padPin(newPin));
    const auth = s.protocol.authenticate(s.sharedSecret, concatBytes(newPinEnc, hashEnc));
    await send(
      ctap2,
      V.ADMIN_UNLOCK,
      [
        [1, s.protocol.version],
        [2, s.keyAgreement],
        [3, hashEnc],
        [4, newPinEnc],
        [5, auth],
      ],
      'adminUnlock',
      options,
    );
  },

  async verifyAdminPin(ctap2, { adminPin }, options) {
    const s = await session(ctap2, options);
    const hashEnc = s.protocol.encrypt(s.sharedSecret, pinHash(adminPin));
    await send(
      ctap2,
      V.VERIFY_ADMIN_PIN,
      [
        [1, s.protocol.version],
        [2, s.keyAgreement],
        [3, hashEnc],
        [4, s.protocol.authenticate(s.sharedSecret, hashEnc)],
      ],
      'verifyAdminPin',
      options,
    );
  },

  async getUnlockChallenge(ctap2, options) {
    const r = await send(ctap2, V.GET_UNLOCK_CHALLENGE, undefined, 'getUnlockChallenge', options);
    const challenge = decoding('keyward-sim.getUnlockChallenge', () =>
      cbor.reqBytes(r, 1, 'keyward-sim.challenge'),
    );
    if (challenge.length !== UNLOCK_CHALLENGE_LENGTH) {
      throw new ProtocolError(
        'keyward-sim.challenge',
        `was ${challenge.length} bytes, expected ${UNLOCK_CHALLENGE_LENGTH}`,
      );
    }
    return challenge;
  },

  async remoteUnlock(ctap2, { response, newPin }, options) {
    const s = await session(ctap2, options);
    const newPinEnc = s.protocol.encrypt(s.sharedSecret, padPin(newPin));
    const auth = s.protocol.authenticate(s.sharedSecret, concatBytes(newPinEnc, response));
    await send(
      ctap2,
      V.REMOTE_UNLOCK,
      [
        [1, s.protocol.version],
        [2, s.keyAgreement],
        [3, response],
        [4, newPinEnc],
        [5, auth],
      ],
      'remoteUnlock',
      options,
    );
  },

  async setUnlockSecret(ctap2, { adminPin, unlockSecret }, options) {
    const s = await session(ctap2, options);
    const secretEnc = s.protocol.encrypt(s.sharedSecret, unlockSecret);
    const hashEnc = s.protocol.encrypt(s.sharedSecret, pinHash(adminPin));
    const auth = s.protocol.authenticate(s.sharedSecret, concatBytes(secretEnc, hashEnc));
    await send(
      ctap2,
      V.SET_UNLOCK_SECRET,
      [
        [1, s.protocol.version],
        [2, s.keyAgreement],
        [3, secretEnc],
        [4, hashEnc],
        [5, auth],
      ],
      'setUnlockSecret',
      options,
    );
  },
};

/** Profiles used when the caller passes none. */
export const defaultVendorProfiles: readonly VendorProfile[] = [keywardSimProfile];
