/**
 * The byte length of the first CBOR data item in a buffer, without decoding it. authData puts a
 * COSE key (CBOR) between fixed fields and an optional extensions map, so the parser needs to
 * know where the key ends (WebAuthn §6.5.1). Definite lengths only, as CTAP2 canonical CBOR.
 */
import { ByteReaderError } from '../byteReader.ts';

const MAX_DEPTH = 16;

export function cborItemLength(bytes: Uint8Array, start = 0): number {
  let at = start;
  const need = (n: number) => {
    if (at + n > bytes.length) {
      throw new ByteReaderError(
        `CBOR item needs ${n} bytes at offset ${at}, buffer is ${bytes.length}`,
      );
    }
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : -1;
    if (size < 0)
      throw new ByteReaderError(
        `CBOR additional info ${info} is not allowed (indefinite or reserved)`,
      );
    need(size);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i]!;
    at += size;
    return value;
  };
  const item = (depth: number): void => {
    if (depth > MAX_DEPTH) throw new ByteReaderError(`CBOR nesting deeper than ${MAX_DEPTH}`);
    need(1);
    const initial = bytes[at++]!;
    const major = initial >> 5;
    const value = argument(initial & 0x1f);
    if (major === 2 || major === 3) {
      need(value);
      at += value;
    } else if (major === 4) {
      for (let i = 0; i < value; i++) item(depth + 1);
    } else if (major === 5) {
      for (let i = 0; i < value * 2; i++) item(depth + 1);
    } else if (major === 6) {
      item(depth + 1);
    }
  };
  item(0);
  return at - start;
}
