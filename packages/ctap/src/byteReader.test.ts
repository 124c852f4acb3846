import { describe, expect, it } from 'vitest';
import { ByteReader, ByteReaderError } from './byteReader.ts';

describe('ByteReader', () => {
  it('reads big-endian integers and slices in order', () => {
    const r = new ByteReader(new Uint8Array([1, 0, 2, 0, 0, 0, 3, 9, 9]), 'frame');
    expect(r.uint8('a')).toBe(1);
    expect(r.uint16('b')).toBe(2);
    expect(r.uint32('c')).toBe(3);
    expect(r.bytesOf(2, 'd')).toEqual(new Uint8Array([9, 9]));
    r.end();
  });

  it('says how many bytes were needed on underflow', () => {
    const r = new ByteReader(new Uint8Array(3), 'authenticatorData');
    r.uint8('flags');
    expect(() => r.uint32('signCount')).toThrow(
      'authenticatorData: signCount needs 4 bytes at offset 1, but authenticatorData is 3 bytes',
    );
  });

  it('refuses trailing bytes at the end', () => {
    const r = new ByteReader(new Uint8Array(2), 'x');
    r.uint8('a');
    expect(() => r.end()).toThrow(ByteReaderError);
  });
});
