/** Seeded randomness for the bounded fuzz tests (mulberry32: small, fast, reproducible). */
import { encodeCanonical } from '@keyward/ctap/internal';

export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, bytes, pick };
}
export type Rng = ReturnType<typeof rng>;

const TEXT_KEYS = [
  'id',
  'name',
  'type',
  'alg',
  'rk',
  'up',
  'uv',
  'displayName',
  'hmac-secret',
  'credProtect',
];

/** A random CTAP-typed value (ints, bytes, text, bools, arrays, maps), at most `depth` deep. */
export function randomValue(r: Rng, depth: number): unknown {
  const kind = r.int(depth > 0 ? 8 : 5);
  switch (kind) {
    case 0:
      return r.pick([0, 1, 2, 3, 5, 7, 9, 23, 24, 255, 256, 65535, 2 ** 32, -1, -7, -8, -25, -257]);
    case 1:
      return r.bytes(r.pick([0, 1, 15, 16, 31, 32, 33, 48, 64, 65, 80, 200]));
    case 2:
      return r.pick(['', 'example.com', 'public-key', 'x'.repeat(r.int(300)), '日本']);
    case 3:
      return r.next() < 0.5;
    case 4:
      return r.int(1000);
    case 5:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth - 1));
    default: {
      const m = new Map<number | string, unknown>();
      for (let i = r.int(6); i > 0; i--) {
        const key = r.next() < 0.6 ? 1 + r.int(12) : r.pick(TEXT_KEYS);
        m.set(key, randomValue(r, depth - 1));
      }
      return m;
    }
  }
}

/** command byte ‖ canonical CBOR map with random keys 1..12. */
export function randomRequest(r: Rng, commands: readonly number[]): Uint8Array {
  const params = new Map<number, unknown>();
  for (let i = r.int(8); i > 0; i--) params.set(1 + r.int(12), randomValue(r, 3));
  const body = encodeCanonical(params);
  return Uint8Array.of(r.pick(commands), ...body);
}

/** Bit flips, truncation, insertion, duplication: the classic byte mutations. */
export function mutate(r: Rng, input: Uint8Array): Uint8Array {
  const out = [...input];
  for (let n = 1 + r.int(4); n > 0; n--) {
    const at = r.int(Math.max(1, out.length));
    switch (r.int(5)) {
      case 0:
        out[at] = (out[at] ?? 0) ^ (1 << r.int(8));
        break;
      case 1:
        out.length = Math.max(0, at);
        break;
      case 2:
        out.splice(at, 0, r.int(256));
        break;
      case 3:
        out[at] = r.pick([0x00, 0x7f, 0x80, 0xff, 0xa0, 0xbf, 0xf6, 0xf9, 0x1b]);
        break;
      default:
        out.splice(at, 0, ...out.slice(at, at + r.int(8)));
    }
  }
  return Uint8Array.from(out);
}
