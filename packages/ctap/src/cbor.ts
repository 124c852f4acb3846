/**
 * A small façade over cbor-x that enforces CTAP2 canonical CBOR (CTAP 2.1 §8 "Message
 * Encoding") on output and strict, typed reading on input.
 *
 * CTAP maps are represented as `Map` (integer or text keys). Only the types CTAP uses are
 * accepted: unsigned/negative integers, byte strings, text strings, arrays, maps and booleans.
 * Floats, tags, null and undefined are refused on output, because strict peers such as
 * python-fido2 re-encode every response and reject anything that is not canonical.
 */
import { Decoder, Encoder } from 'cbor-x';

export type CborValue = number | bigint | boolean | string | Uint8Array | CborValue[] | CborMap;
export type CborMap = Map<number | string, CborValue>;

const encoder = new Encoder({
  useRecords: false,
  tagUint8Array: false,
  variableMapSize: true,
  mapsAsObjects: false,
});
const decoder = new Decoder({ useRecords: false, mapsAsObjects: false });

/** Raised when bytes are not CBOR, not canonical, or use a type CTAP does not allow. */
export class CborDecodeError extends Error {
  override readonly name = 'CborDecodeError';
  readonly code = 'INVALID_CBOR' as const;
}

/** Raised by the typed getters when a required key is absent or has the wrong CBOR type. */
export class CborSchemaError extends Error {
  override readonly name = 'CborSchemaError';
  readonly code = 'CBOR_SCHEMA' as const;
  readonly field: string;
  readonly reason: 'missing' | 'wrong_type';
  readonly expected: string;
  readonly actual: string | undefined;

  constructor(field: string, reason: 'missing' | 'wrong_type', expected: string, actual?: string) {
    super(
      reason === 'missing'
        ? `${field}: required ${expected} is missing`
        : `${field}: expected ${expected}, received ${actual}`,
    );
    this.field = field;
    this.reason = reason;
    this.expected = expected;
    this.actual = actual;
  }
}

/** Major type of an encoded data item: the top 3 bits of its first byte. */
function majorType(encoded: Uint8Array): number {
  return (encoded[0] ?? 0) >> 5;
}

/** CTAP2 canonical key order: major type, then encoded length, then bytewise. */
function compareEncodedKeys(a: Uint8Array, b: Uint8Array): number {
  const byType = majorType(a) - majorType(b);
  if (byType !== 0) return byType;
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Returns a copy in which every map is a Map with canonically ordered keys. */
function canonicalize(value: unknown, path: string): unknown {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`${path}: CTAP CBOR has no floats`);
    return value;
  }
  if (typeof value === 'bigint' || typeof value === 'boolean' || typeof value === 'string') {
    return value;
  }
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map((item, i) => canonicalize(item, `${path}[${i}]`));
  if (value instanceof Map) {
    const entries = [...value.entries()].map(([key, item]) => {
      if (typeof key !== 'number' && typeof key !== 'string') {
        throw new TypeError(`${path}: map keys must be integers or text`);
      }
      return {
        key,
        encodedKey: encoder.encode(key) as Uint8Array,
        item: canonicalize(item, `${path}.${key}`),
      };
    });
    entries.sort((a, b) => compareEncodedKeys(a.encodedKey, b.encodedKey));
    for (let i = 1; i < entries.length; i++) {
      if (compareEncodedKeys(entries[i - 1]!.encodedKey, entries[i]!.encodedKey) === 0) {
        throw new TypeError(`${path}: duplicate map key ${String(entries[i]!.key)}`);
      }
    }
    return new Map(entries.map((e) => [e.key, e.item]));
  }
  if (value !== null && typeof value === 'object') {
    // Plain objects stand for text-keyed maps (WebAuthn dictionaries such as rp and user).
    return canonicalize(new Map(Object.entries(value)), path);
  }
  throw new TypeError(`${path}: ${value === null ? 'null' : typeof value} cannot be encoded`);
}

/** Encodes a value as CTAP2 canonical CBOR. Throws TypeError for values CTAP cannot carry. */
export function encodeCanonical(value: unknown): Uint8Array {
  return new Uint8Array(encoder.encode(canonicalize(value, '$')));
}

function describe(value: unknown): string {
  if (value instanceof Uint8Array) return `bytes(${value.length})`;
  if (value instanceof Map) return 'map';
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/** Checks that a decoded value only contains CTAP CBOR types; returns it typed. */
function checkTypes(value: unknown, path: string): CborValue {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new CborDecodeError(`${path}: floats are not allowed`);
    return value;
  }
  if (typeof value === 'bigint' || typeof value === 'boolean' || typeof value === 'string') {
    return value;
  }
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (Array.isArray(value)) return value.map((v, i) => checkTypes(v, `${path}[${i}]`));
  if (value instanceof Map) {
    const out: CborMap = new Map();
    for (const [k, v] of value) {
      if (typeof k !== 'number' && typeof k !== 'string') {
        throw new CborDecodeError(`${path}: map key of type ${describe(k)} is not allowed`);
      }
      out.set(k, checkTypes(v, `${path}.${k}`));
    }
    return out;
  }
  throw new CborDecodeError(`${path}: ${describe(value)} is not a CTAP CBOR type`);
}

export type DecodeOptions = {
  /** Reject input whose canonical re-encoding differs (default true). */
  canonical?: boolean;
};

/**
 * Decodes exactly one CBOR data item. Truncated input, trailing bytes, tags, floats, null and
 * (with `canonical`, the default) non-canonical encodings are a CborDecodeError.
 */
export function decodeCtap(bytes: Uint8Array, options: DecodeOptions = {}): CborValue {
  const { canonical = true } = options;
  let raw: unknown;
  try {
    raw = decoder.decode(bytes);
  } catch (cause) {
    throw new CborDecodeError(`malformed CBOR: ${(cause as Error).message}`, { cause });
  }
  const value = checkTypes(raw, '$');
  if (canonical) {
    const again = encodeCanonical(value);
    if (again.length !== bytes.length || compareEncodedKeys(again, bytes) !== 0) {
      throw new CborDecodeError('CBOR is not in CTAP2 canonical form');
    }
  }
  return value;
}

/** Decodes a CBOR map (the shape of every CTAP request and response body). */
export function decodeCtapMap(bytes: Uint8Array, options: DecodeOptions = {}): CborMap {
  const value = decodeCtap(bytes, options);
  if (!(value instanceof Map)) {
    throw new CborDecodeError(`expected a CBOR map, received ${describe(value)}`);
  }
  return value;
}

type Key = number | string;

function read<T>(
  map: CborMap,
  key: Key,
  field: string,
  expected: string,
  test: (v: CborValue) => boolean,
): T | undefined {
  const value = map.get(key);
  if (value === undefined) return undefined;
  if (!test(value)) throw new CborSchemaError(field, 'wrong_type', expected, describe(value));
  return value as T;
}

function required<T>(value: T | undefined, field: string, expected: string): T {
  if (value === undefined) throw new CborSchemaError(field, 'missing', expected);
  return value;
}

const isUint = (v: CborValue) => typeof v === 'number' && v >= 0;
const isInt = (v: CborValue) => typeof v === 'number';
const isBytes = (v: CborValue) => v instanceof Uint8Array;
const isText = (v: CborValue) => typeof v === 'string';
const isBool = (v: CborValue) => typeof v === 'boolean';
const isMap = (v: CborValue) => v instanceof Map;
const isArray = (v: CborValue) => Array.isArray(v);

/**
 * Typed getters over a decoded CTAP map. `opt*` return undefined when the key is absent;
 * `req*` throw CborSchemaError(missing). Both throw CborSchemaError(wrong_type) on a wrong type.
 * `field` is the name used in error messages (e.g. "makeCredential.clientDataHash").
 */
export const cbor = {
  optUint: (m: CborMap, k: Key, field: string) => read<number>(m, k, field, 'unsigned int', isUint),
  reqUint: (m: CborMap, k: Key, field: string) =>
    required(cbor.optUint(m, k, field), field, 'unsigned int'),
  optInt: (m: CborMap, k: Key, field: string) => read<number>(m, k, field, 'integer', isInt),
  reqInt: (m: CborMap, k: Key, field: string) =>
    required(cbor.optInt(m, k, field), field, 'integer'),
  optBytes: (m: CborMap, k: Key, field: string) =>
    read<Uint8Array>(m, k, field, 'byte string', isBytes),
  reqBytes: (m: CborMap, k: Key, field: string) =>
    required(cbor.optBytes(m, k, field), field, 'byte string'),
  optText: (m: CborMap, k: Key, field: string) => read<string>(m, k, field, 'text string', isText),
  reqText: (m: CborMap, k: Key, field: string) =>
    required(cbor.optText(m, k, field), field, 'text string'),
  optBool: (m: CborMap, k: Key, field: string) => read<boolean>(m, k, field, 'boolean', isBool),
  reqBool: (m: CborMap, k: Key, field: string) =>
    required(cbor.optBool(m, k, field), field, 'boolean'),
  optMap: (m: CborMap, k: Key, field: string) => read<CborMap>(m, k, field, 'map', isMap),
  reqMap: (m: CborMap, k: Key, field: string) => required(cbor.optMap(m, k, field), field, 'map'),
  optArray: (m: CborMap, k: Key, field: string) => read<CborValue[]>(m, k, field, 'array', isArray),
  reqArray: (m: CborMap, k: Key, field: string) =>
    required(cbor.optArray(m, k, field), field, 'array'),
} as const;
