/**
 * Test-side CTAP requests built by hand (command byte ‖ canonical CBOR map with the integer keys
 * of CTAP 2.1 §6), with the platform half of the PIN/UV auth protocols.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  type CborMap,
  type CborValue,
  decodeCtapMap,
  encapsulate,
  encodeCanonical,
  PIN_PROTOCOLS,
  type PinUvAuthProtocol,
  padPin,
  pinHash,
} from '@keyward/ctap/internal';
import { Decoder } from 'cbor-x';
import type { VirtualAuthenticator } from '../../src/index.ts';

/** body is an empty map when the response carried no CBOR. */
export type Reply = { status: number; body: CborMap; raw: Uint8Array };

export async function call(
  auth: VirtualAuthenticator,
  cmd: number,
  params?: Map<number, unknown>,
  options?: Parameters<VirtualAuthenticator['handleCbor']>[2],
): Promise<Reply> {
  const payload = params ? encodeCanonical(params) : new Uint8Array(0);
  const raw = await auth.handleCbor(cmd, payload, options);
  return {
    status: raw[0]!,
    body: raw.length > 1 ? decodeCtapMap(raw.subarray(1)) : new Map(),
    raw,
  };
}

export const m = (...entries: [number | string, unknown][]) =>
  new Map(entries) as Map<number, unknown>;

export type PinSession = {
  protocol: PinUvAuthProtocol;
  keyAgreement: CborMap;
  sharedSecret: Uint8Array;
};

export async function pinSession(auth: VirtualAuthenticator, version: 1 | 2): Promise<PinSession> {
  const r = await call(auth, 0x06, m([1, version], [2, 0x02]));
  if (r.status !== 0) throw new Error(`getKeyAgreement failed: 0x${r.status.toString(16)}`);
  const protocol = PIN_PROTOCOLS[version];
  const { keyAgreement, sharedSecret } = encapsulate(protocol, r.body.get(1) as CborMap);
  return { protocol, keyAgreement, sharedSecret };
}

export async function setPin(auth: VirtualAuthenticator, pin: string, version: 1 | 2 = 2) {
  const s = await pinSession(auth, version);
  const newPinEnc = s.protocol.encrypt(s.sharedSecret, padPin(pin));
  return call(
    auth,
    0x06,
    m(
      [1, version],
      [2, 0x03],
      [3, s.keyAgreement],
      [4, s.protocol.authenticate(s.sharedSecret, newPinEnc)],
      [5, newPinEnc],
    ),
  );
}

export async function changePin(
  auth: VirtualAuthenticator,
  oldPin: string,
  newPin: string,
  version: 1 | 2 = 2,
) {
  const s = await pinSession(auth, version);
  const newPinEnc = s.protocol.encrypt(s.sharedSecret, padPin(newPin));
  const pinHashEnc = s.protocol.encrypt(s.sharedSecret, pinHash(oldPin));
  const mac = s.protocol.authenticate(
    s.sharedSecret,
    new Uint8Array([...newPinEnc, ...pinHashEnc]),
  );
  return call(
    auth,
    0x06,
    m([1, version], [2, 0x04], [3, s.keyAgreement], [4, mac], [5, newPinEnc], [6, pinHashEnc]),
  );
}

/** getPinUvAuthTokenUsingPinWithPermissions (0x09), or getPinToken (0x05) without permissions. */
export async function getToken(
  auth: VirtualAuthenticator,
  pin: string,
  options: { version?: 1 | 2; permissions?: number; rpId?: string } = {},
): Promise<{ status: number; token?: Uint8Array; session: PinSession }> {
  const version = options.version ?? 2;
  const session = await pinSession(auth, version);
  const params = m(
    [1, version],
    [2, options.permissions === undefined ? 0x05 : 0x09],
    [3, session.keyAgreement],
    [6, session.protocol.encrypt(session.sharedSecret, pinHash(pin))],
  );
  if (options.permissions !== undefined) params.set(9, options.permissions);
  if (options.rpId !== undefined) params.set(10, options.rpId);
  const r = await call(auth, 0x06, params);
  if (r.status !== 0) return { status: r.status, session };
  const token = session.protocol.decrypt(session.sharedSecret, r.body.get(2) as Uint8Array);
  return { status: 0, token, session };
}

export const cdh = (label = 'client data') =>
  new Uint8Array(createHash('sha256').update(label).digest());

export function makeCredentialParams(options: {
  rpId?: string;
  userId?: Uint8Array;
  userName?: string;
  rk?: boolean;
  alg?: number[];
  excludeList?: Uint8Array[];
  clientDataHash?: Uint8Array;
  extensions?: Map<string, CborValue>;
  token?: { protocol: PinUvAuthProtocol; value: Uint8Array };
  enterpriseAttestation?: number;
  formats?: string[];
}): Map<number, unknown> {
  const clientDataHash = options.clientDataHash ?? cdh();
  const params = m(
    [1, clientDataHash],
    [2, m(['id', options.rpId ?? 'example.com'], ['name', 'Example'])],
    [
      3,
      m(
        ['id', options.userId ?? new Uint8Array(randomBytes(8))],
        ['name', options.userName ?? 'alice'],
        ['displayName', 'Alice'],
      ),
    ],
    [4, (options.alg ?? [-7]).map((alg) => m(['alg', alg], ['type', 'public-key']))],
  );
  if (options.excludeList) {
    params.set(
      5,
      options.excludeList.map((id) => m(['id', id], ['type', 'public-key'])),
    );
  }
  if (options.extensions) params.set(6, options.extensions);
  if (options.rk !== undefined) params.set(7, m(['rk', options.rk]));
  if (options.token) {
    params.set(8, options.token.protocol.authenticate(options.token.value, clientDataHash));
    params.set(9, options.token.protocol.version);
  }
  if (options.enterpriseAttestation !== undefined) params.set(10, options.enterpriseAttestation);
  if (options.formats) params.set(11, options.formats);
  return params;
}

export function getAssertionParams(options: {
  rpId?: string;
  allowList?: Uint8Array[];
  clientDataHash?: Uint8Array;
  up?: boolean;
  token?: { protocol: PinUvAuthProtocol; value: Uint8Array };
  extensions?: Map<string, CborValue>;
}): Map<number, unknown> {
  const clientDataHash = options.clientDataHash ?? cdh();
  const params = m([1, options.rpId ?? 'example.com'], [2, clientDataHash]);
  if (options.allowList) {
    params.set(
      3,
      options.allowList.map((id) => m(['id', id], ['type', 'public-key'])),
    );
  }
  if (options.extensions) params.set(4, options.extensions);
  if (options.up !== undefined) params.set(5, m(['up', options.up]));
  if (options.token) {
    params.set(6, options.token.protocol.authenticate(options.token.value, clientDataHash));
    params.set(7, options.token.protocol.version);
  }
  return params;
}

/** Parses authenticatorData (WebAuthn §6.1) far enough for the tests. */
export function parseAuthData(authData: Uint8Array) {
  const view = new DataView(authData.buffer, authData.byteOffset, authData.byteLength);
  const flags = authData[32]!;
  const signCount = view.getUint32(33);
  let credentialId: Uint8Array | undefined;
  let aaguid: Uint8Array | undefined;
  if (flags & 0x40) {
    aaguid = authData.subarray(37, 53);
    const len = view.getUint16(53);
    credentialId = authData.subarray(55, 55 + len);
  }
  return { rpIdHash: authData.subarray(0, 32), flags, signCount, aaguid, credentialId };
}

const sequenceDecoder = new Decoder({ mapsAsObjects: false, useRecords: false });

/** Decodes concatenated CBOR items (COSE key ‖ extensions inside authData). */
export function decodeSequence(bytes: Uint8Array): unknown[] {
  return sequenceDecoder.decodeMultiple(bytes) as unknown[];
}
