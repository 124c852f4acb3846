import { describe, expect, it } from 'vitest';
import { hex } from './byteReader.ts';
import {
  CborDecodeError,
  CborSchemaError,
  cbor,
  decodeCtap,
  decodeCtapMap,
  encodeCanonical,
} from './cbor.ts';

describe('encodeCanonical', () => {
  it('orders integer keys before negative ones and text keys by length then bytes', () => {
    const value = new Map<number | string, unknown>([
      ['alwaysUv', true],
      [-1, 1],
      [24, 0],
      ['up', true],
      [1, 2],
      ['uv', false],
    ]);
    // 1, 24, -1, "up", "uv", "alwaysUv" (CTAP 2.1 §8 canonical order)
    expect(hex.encode(encodeCanonical(value))).toBe(
      'a6010218180020016275' + '70f5627576f468616c776179735576f5',
    );
  });

  it('encodes integers in their shortest form', () => {
    expect(hex.encode(encodeCanonical(23))).toBe('17');
    expect(hex.encode(encodeCanonical(24))).toBe('1818');
    expect(hex.encode(encodeCanonical(1000000))).toBe('1a000f4240');
    expect(hex.encode(encodeCanonical(-25))).toBe('3818');
  });

  it('encodes plain objects as text-keyed maps', () => {
    expect(hex.encode(encodeCanonical({ name: 'a', id: 'b' }))).toBe(
      'a2626964616264' + '6e616d656161',
    );
  });

  it('refuses floats, null and undefined', () => {
    expect(() => encodeCanonical(1.5)).toThrow(TypeError);
    expect(() => encodeCanonical(new Map([[1, null]]))).toThrow(/null cannot be encoded/);
    expect(() => encodeCanonical([undefined])).toThrow(TypeError);
  });
});

describe('decodeCtap', () => {
  it('round-trips canonical maps with byte strings', () => {
    const bytes = encodeCanonical(
      new Map<number, unknown>([
        [1, new Uint8Array([1, 2])],
        [2, 'x'],
      ]),
    );
    const map = decodeCtapMap(bytes);
    expect(cbor.reqBytes(map, 1, 'f1')).toEqual(new Uint8Array([1, 2]));
    expect(cbor.reqText(map, 2, 'f2')).toBe('x');
  });

  it('rejects non-canonical key order', () => {
    expect(() => decodeCtap(hex.decode('a202010102'))).toThrow(/canonical/);
  });

  it('rejects integers not in their shortest form', () => {
    expect(() => decodeCtap(hex.decode('1817'))).toThrow(CborDecodeError);
  });

  it('accepts non-canonical input when asked to be lenient', () => {
    expect(decodeCtap(hex.decode('a202010102'), { canonical: false })).toBeInstanceOf(Map);
  });

  it('rejects truncated input, trailing bytes, tags and floats', () => {
    expect(() => decodeCtap(hex.decode('a101'))).toThrow(CborDecodeError);
    expect(() => decodeCtap(hex.decode('0102'))).toThrow(CborDecodeError);
    expect(() => decodeCtap(hex.decode('c11a00000001'))).toThrow(CborDecodeError);
    expect(() => decodeCtap(hex.decode('fb3ff8000000000000'))).toThrow(CborDecodeError);
  });

  it('reports a map expected but an array received', () => {
    expect(() => decodeCtapMap(hex.decode('80'))).toThrow('expected a CBOR map, received array');
  });
});

describe('typed getters', () => {
  const map = decodeCtapMap(
    encodeCanonical(
      new Map<number, unknown>([
        [1, 'text'],
        [2, 5],
      ]),
    ),
  );

  it('name the field and the types on a wrong type', () => {
    expect(() => cbor.reqBytes(map, 1, 'makeCredential.clientDataHash')).toThrow(
      'makeCredential.clientDataHash: expected byte string, received string',
    );
  });

  it('name the field when a required key is missing', () => {
    let err: unknown;
    try {
      cbor.reqMap(map, 7, 'getInfo.options');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CborSchemaError);
    expect(err).toMatchObject({ field: 'getInfo.options', reason: 'missing' });
  });

  it('return undefined for an absent optional key', () => {
    expect(cbor.optUint(map, 9, 'x')).toBeUndefined();
    expect(cbor.optUint(map, 2, 'x')).toBe(5);
  });
});
