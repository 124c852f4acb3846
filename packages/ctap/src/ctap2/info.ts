/**
 * authenticatorGetInfo response, fully typed (CTAP 2.1 §6.4). Options keep "absent" apart from
 * "false": `options.clientPin === undefined` means no PIN support, `false` supported but unset.
 */
import { type CborMap, type CborValue, cbor } from '../cbor.ts';
import { GetInfoResult as K } from '../constants.ts';
import { ProtocolError } from '../errors.ts';

export type AlgorithmDescriptor = { alg: number; type: string };

export type CtapInfo = {
  versions: string[];
  extensions: string[];
  /** 16 bytes, and the canonical UUID text form. */
  aaguidBytes: Uint8Array;
  aaguid: string;
  /** Only the options the key reported. */
  options: Readonly<Record<string, boolean>>;
  /** Default 1024 when absent (CTAP 2.1 §6.4). */
  maxMsgSize: number;
  pinUvAuthProtocols: number[];
  maxCredentialCountInList?: number;
  maxCredentialIdLength?: number;
  transports: string[];
  algorithms?: AlgorithmDescriptor[];
  maxSerializedLargeBlobArray?: number;
  forcePinChange: boolean;
  /** Default 4 when absent. */
  minPinLength: number;
  firmwareVersion?: number;
  maxCredBlobLength?: number;
  maxRpIdsForSetMinPinLength?: number;
  preferredPlatformUvAttempts?: number;
  uvModality?: number;
  certifications?: Record<string, number>;
  remainingDiscoverableCredentials?: number;
  vendorPrototypeConfigCommands?: number[];
  /** The decoded map as received, for keys this version does not know. */
  raw: CborMap;
};

function textArray(map: CborMap, key: number, field: string): string[] | undefined {
  const arr = cbor.optArray(map, key, field);
  return arr?.map((v, i) => {
    if (typeof v !== 'string') throw new ProtocolError(`${field}[${i}]`, 'expected text string');
    return v;
  });
}

function uintArray(map: CborMap, key: number, field: string): number[] | undefined {
  const arr = cbor.optArray(map, key, field);
  return arr?.map((v, i) => {
    if (typeof v !== 'number' || v < 0) {
      throw new ProtocolError(`${field}[${i}]`, 'expected unsigned int');
    }
    return v;
  });
}

function boolMap(value: CborMap | undefined, field: string): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [k, v] of value ?? []) {
    if (typeof k !== 'string' || typeof v !== 'boolean') {
      throw new ProtocolError(`${field}.${String(k)}`, 'expected text key with boolean value');
    }
    out[k] = v;
  }
  return out;
}

function algorithms(map: CborMap): AlgorithmDescriptor[] | undefined {
  return cbor.optArray(map, K.ALGORITHMS, 'getInfo.algorithms')?.map((v: CborValue, i) => {
    const field = `getInfo.algorithms[${i}]`;
    if (!(v instanceof Map)) throw new ProtocolError(field, 'expected map');
    return {
      alg: cbor.reqInt(v, 'alg', `${field}.alg`),
      type: cbor.reqText(v, 'type', `${field}.type`),
    };
  });
}

export function formatAaguid(bytes: Uint8Array): string {
  const h = Buffer.from(bytes).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function certifications(map: CborMap): Record<string, number> | undefined {
  const m = cbor.optMap(map, K.CERTIFICATIONS, 'getInfo.certifications');
  if (!m) return undefined;
  const out: Record<string, number> = {};
  for (const [k, v] of m) if (typeof k === 'string' && typeof v === 'number') out[k] = v;
  return out;
}

/** Parses a getInfo map; a missing required key or wrong type names the field. */
export function parseInfo(map: CborMap): CtapInfo {
  const f = (name: string) => `getInfo.${name}`;
  const aaguidBytes = cbor.reqBytes(map, K.AAGUID, f('aaguid'));
  if (aaguidBytes.length !== 16) {
    throw new ProtocolError(f('aaguid'), `was ${aaguidBytes.length} bytes, expected 16`);
  }
  const info: CtapInfo = {
    versions: textArray(map, K.VERSIONS, f('versions')) ?? [],
    extensions: textArray(map, K.EXTENSIONS, f('extensions')) ?? [],
    aaguidBytes,
    aaguid: formatAaguid(aaguidBytes),
    options: boolMap(cbor.optMap(map, K.OPTIONS, f('options')), f('options')),
    maxMsgSize: cbor.optUint(map, K.MAX_MSG_SIZE, f('maxMsgSize')) ?? 1024,
    pinUvAuthProtocols: uintArray(map, K.PIN_UV_AUTH_PROTOCOLS, f('pinUvAuthProtocols')) ?? [],
    transports: textArray(map, K.TRANSPORTS, f('transports')) ?? [],
    forcePinChange: cbor.optBool(map, K.FORCE_PIN_CHANGE, f('forcePINChange')) ?? false,
    minPinLength: cbor.optUint(map, K.MIN_PIN_LENGTH, f('minPINLength')) ?? 4,
    raw: map,
  };
  if (!map.has(K.VERSIONS)) cbor.reqArray(map, K.VERSIONS, f('versions'));
  const optional: [keyof CtapInfo, number, string][] = [
    ['maxCredentialCountInList', K.MAX_CREDENTIAL_COUNT_IN_LIST, 'maxCredentialCountInList'],
    ['maxCredentialIdLength', K.MAX_CREDENTIAL_ID_LENGTH, 'maxCredentialIdLength'],
    [
      'maxSerializedLargeBlobArray',
      K.MAX_SERIALIZED_LARGE_BLOB_ARRAY,
      'maxSerializedLargeBlobArray',
    ],
    ['firmwareVersion', K.FIRMWARE_VERSION, 'firmwareVersion'],
    ['maxCredBlobLength', K.MAX_CRED_BLOB_LENGTH, 'maxCredBlobLength'],
    [
      'maxRpIdsForSetMinPinLength',
      K.MAX_RPIDS_FOR_SET_MIN_PIN_LENGTH,
      'maxRPIDsForSetMinPINLength',
    ],
    [
      'preferredPlatformUvAttempts',
      K.PREFERRED_PLATFORM_UV_ATTEMPTS,
      'preferredPlatformUvAttempts',
    ],
    ['uvModality', K.UV_MODALITY, 'uvModality'],
    [
      'remainingDiscoverableCredentials',
      K.REMAINING_DISCOVERABLE_CREDENTIALS,
      'remainingDiscoverableCredentials',
    ],
  ];
  const target = info as Record<string, unknown>;
  for (const [prop, key, name] of optional) {
    const v = cbor.optUint(map, key, f(name));
    if (v !== undefined) target[prop] = v;
  }
  const algs = algorithms(map);
  if (algs) info.algorithms = algs;
  const certs = certifications(map);
  if (certs) info.certifications = certs;
  const proto = uintArray(
    map,
    K.VENDOR_PROTOTYPE_CONFIG_COMMANDS,
    f('vendorPrototypeConfigCommands'),
  );
  if (proto) info.vendorPrototypeConfigCommands = proto;
  return info;
}

/** true / false when the key reports the option, undefined when it does not know it. */
export function option(info: CtapInfo, name: string): boolean | undefined {
  return info.options[name];
}

export const isCtap21 = (info: CtapInfo) =>
  info.versions.includes('FIDO_2_1') || info.versions.includes('FIDO_2_1_PRE');
