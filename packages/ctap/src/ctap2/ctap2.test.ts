import { describe, expect, it } from 'vitest';
import { concatBytes, hex } from '../byteReader.ts';
import { type CborMap, encodeCanonical } from '../cbor.ts';
import { GetInfoResult as K } from '../constants.ts';
import type { CtapDevice } from '../device.ts';
import { CtapError, ProtocolError } from '../errors.ts';
import { parseAuthenticatorData } from './authData.ts';
import { cborItemLength } from './cborItem.ts';
import { Ctap2 } from './ctap2.ts';
import { parseInfo } from './info.ts';

const AAGUID = hex.decode('f8a011f38c0a4d15800617111f9edc7d');

function infoMap(extra: [number, unknown][] = []): CborMap {
  return new Map<number, never>([
    [K.VERSIONS, ['FIDO_2_0', 'FIDO_2_1']],
    [K.AAGUID, AAGUID],
    [
      K.OPTIONS,
      new Map([
        ['clientPin', false],
        ['rk', true],
        ['ep', false],
      ]),
    ],
    ...extra,
  ] as [number, never][]);
}

/** A peer answering scripted bytes: getInfo first, then the given answers. */
function peer(...answers: Uint8Array[]): CtapDevice {
  const queue = [Uint8Array.of(0, ...encodeCanonical(infoMap())), ...answers];
  return {
    descriptor: { id: 'memory:peer', transport: 'memory', path: 'peer' },
    call: async () => queue.shift() ?? Uint8Array.of(0x7f),
    close: async () => undefined,
  };
}

describe('sendCbor', () => {
  it('turns a status byte into CtapError and keeps an empty body as an empty map', async () => {
    const ctap2 = await Ctap2.open(peer(Uint8Array.of(0x31), Uint8Array.of(0x00)));
    await expect(ctap2.sendCbor(0x06)).rejects.toBeInstanceOf(CtapError);
    expect((await ctap2.sendCbor(0x06)).size).toBe(0);
  });

  it('refuses a non-canonical response (keys out of order) with a ProtocolError', async () => {
    // {2: 0, 1: 0}: valid CBOR, but CTAP2 canonical order is 1 before 2.
    const ctap2 = await Ctap2.open(peer(hex.decode('00 a2 02 00 01 00')));
    const error = await ctap2.sendCbor(0x06).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).message).toContain('canonical');
  });

  it('refuses a response that is not a map, naming the command', async () => {
    const ctap2 = await Ctap2.open(peer(hex.decode('00 01')));
    await expect(ctap2.sendCbor(0x06, undefined, { name: 'clientPin.x' })).rejects.toThrow(
      'clientPin.x.response',
    );
  });
});

describe('getInfo', () => {
  it('keeps options absent apart from false and fills the spec defaults', () => {
    const info = parseInfo(infoMap());
    expect(info.options).toEqual({ clientPin: false, rk: true, ep: false });
    expect(info.options.alwaysUv).toBeUndefined();
    expect(info.aaguid).toBe('f8a011f3-8c0a-4d15-8006-17111f9edc7d');
    expect(info).toMatchObject({ maxMsgSize: 1024, minPinLength: 4, forcePinChange: false });
  });

  it('reads every CTAP 2.1 key', () => {
    const info = parseInfo(
      infoMap([
        [K.EXTENSIONS, ['credProtect']],
        [K.MAX_MSG_SIZE, 2048],
        [K.PIN_UV_AUTH_PROTOCOLS, [2, 1]],
        [K.MAX_CREDENTIAL_COUNT_IN_LIST, 8],
        [K.MAX_CREDENTIAL_ID_LENGTH, 128],
        [K.TRANSPORTS, ['nfc', 'usb']],
        [
          K.ALGORITHMS,
          [
            new Map<string, unknown>([
              ['alg', -7],
              ['type', 'public-key'],
            ]),
          ],
        ],
        [K.MAX_SERIALIZED_LARGE_BLOB_ARRAY, 1024],
        [K.FORCE_PIN_CHANGE, true],
        [K.MIN_PIN_LENGTH, 6],
        [K.FIRMWARE_VERSION, 0x010203],
        [K.MAX_CRED_BLOB_LENGTH, 32],
        [K.MAX_RPIDS_FOR_SET_MIN_PIN_LENGTH, 4],
        [K.PREFERRED_PLATFORM_UV_ATTEMPTS, 3],
        [K.UV_MODALITY, 2],
        [K.CERTIFICATIONS, new Map([['FIDO', 2]])],
        [K.REMAINING_DISCOVERABLE_CREDENTIALS, 25],
        [K.VENDOR_PROTOTYPE_CONFIG_COMMANDS, [0xff]],
      ]),
    );
    expect(info).toMatchObject({
      maxMsgSize: 2048,
      pinUvAuthProtocols: [2, 1],
      algorithms: [{ alg: -7, type: 'public-key' }],
      forcePinChange: true,
      minPinLength: 6,
      firmwareVersion: 0x010203,
      maxRpIdsForSetMinPinLength: 4,
      certifications: { FIDO: 2 },
      remainingDiscoverableCredentials: 25,
      vendorPrototypeConfigCommands: [0xff],
    });
  });

  it('names the field of a missing or mistyped key', () => {
    const noAaguid = infoMap();
    noAaguid.delete(K.AAGUID);
    expect(() => parseInfo(noAaguid)).toThrow('getInfo.aaguid: required byte string is missing');
    expect(() => parseInfo(infoMap([[K.MIN_PIN_LENGTH, 'six']]))).toThrow('getInfo.minPINLength');
  });
});

describe('authenticator data', () => {
  const cose = encodeCanonical(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(32).fill(1)],
      [-3, new Uint8Array(32).fill(2)],
    ]),
  );
  const ext = encodeCanonical(new Map([['credProtect', 2]]));
  const credId = new Uint8Array(20).fill(9);
  const raw = concatBytes(
    new Uint8Array(32).fill(7),
    Uint8Array.of(0x41 | 0x04 | 0x80),
    Uint8Array.of(0, 0, 0, 28),
    AAGUID,
    Uint8Array.of(0, 20),
    credId,
    cose,
    ext,
  );

  it('parses attested credential data and extensions, keeping the raw bytes', () => {
    const a = parseAuthenticatorData(raw);
    expect(a.raw).toBe(raw);
    expect(a).toMatchObject({ userPresent: true, userVerified: true, signCount: 28 });
    expect(a.attestedCredentialData?.credentialId).toEqual(credId);
    expect(hex.encode(a.attestedCredentialData!.publicKeyBytes)).toBe(hex.encode(cose));
    expect(a.extensions?.get('credProtect')).toBe(2);
  });

  it('finds the end of the COSE key inside authData, also when split at every offset', () => {
    expect(cborItemLength(raw, 32 + 1 + 4 + 16 + 2 + 20)).toBe(cose.length);
    for (let cut = 0; cut < cose.length; cut++) {
      expect(() => cborItemLength(cose.subarray(0, cut))).toThrow();
    }
  });

  it('rejects trailing bytes and truncation with the field name', () => {
    expect(() => parseAuthenticatorData(concatBytes(raw.subarray(0, 37 + 10)))).toThrow(
      ProtocolError,
    );
    const noEd = Uint8Array.from(raw);
    noEd[32] = 0x41;
    expect(() => parseAuthenticatorData(noEd)).toThrow('unexpected trailing bytes');
  });
});
