/**
 * Bounded, seeded fuzzing of every decoder that reads what a key sends: CTAPHID reports, the
 * INIT answer, APDU responses, CTAP2 responses (random bytes and random well-formed CBOR), and
 * authenticator data. Whatever comes in, the only thing allowed out is a typed library error.
 */
import { describe, expect, it } from 'vitest';
import { type CborMap, type CborValue, encodeCanonical } from './cbor.ts';
import { GetInfoResult } from './constants.ts';
import { parseAuthenticatorData } from './ctap2/authData.ts';
import { Ctap2 } from './ctap2/ctap2.ts';
import { parseAssertionResponse } from './ctap2/getAssertion.ts';
import { parseMakeCredentialResponse } from './ctap2/makeCredential.ts';
import type { CtapDevice } from './device.ts';
import { isCtapLibraryError } from './errors.ts';
import { HidReassembler, parseInitResponse } from './hid/framing.ts';
import { nfcCtapExchange } from './pcsc/apdu.ts';

/** mulberry32: small, seeded, reproducible. */
function prng(seed: number) {
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
  return { next, int, bytes };
}
type Rng = ReturnType<typeof prng>;

function randomCbor(r: Rng, depth = 0): CborValue {
  switch (r.int(depth > 2 ? 5 : 7)) {
    case 0:
      return r.int(2 ** 20) - 2 ** 19;
    case 1:
      return r.bytes(r.int(70));
    case 2:
      return ['fmt', 'id', 'alg', 'sig', 'x5c', 'rk', 'up', 'FIDO_2_1'][r.int(8)]!;
    case 3:
      return r.next() < 0.5;
    case 4:
      return r.int(40);
    case 5:
      return Array.from({ length: r.int(4) }, () => randomCbor(r, depth + 1));
    default:
      return randomMap(r, depth + 1);
  }
}

function randomMap(r: Rng, depth = 0): CborMap {
  const m: CborMap = new Map();
  for (let i = r.int(8); i > 0; i--) {
    const key = r.next() < 0.7 ? r.int(20) : ['alg', 'id', 'type', 'name'][r.int(4)]!;
    m.set(key, randomCbor(r, depth));
  }
  return m;
}

/** Runs fn; passes if it returns or throws a typed library error. */
async function typedOnly(fn: () => unknown): Promise<void> {
  try {
    await fn();
  } catch (error) {
    expect(isCtapLibraryError(error), `untyped ${String(error)}`).toBe(true);
  }
}

/** A peer that answers every call with the given bytes. */
function deviceAnswering(answer: () => Uint8Array): CtapDevice {
  return {
    descriptor: { id: 'memory:fuzz', transport: 'memory', path: 'fuzz' },
    call: async () => answer(),
    close: async () => undefined,
  };
}

const ROUNDS = 400;

describe('fuzzing the decoders (seeded, bounded)', () => {
  it('CTAPHID reassembly and INIT parsing survive truncated, oversized and garbled reports', async () => {
    const r = prng(1);
    for (let i = 0; i < ROUNDS; i++) {
      const reassembler = new HidReassembler(0x01020304);
      for (let j = 0; j < 6; j++) {
        const report = r.bytes(r.int(80));
        if (report.length >= 4 && r.next() < 0.7) report.set([1, 2, 3, 4], 0);
        await typedOnly(() => reassembler.push(report));
      }
      await typedOnly(() => parseInitResponse(r.bytes(8), r.bytes(r.int(24))));
    }
  });

  it('the APDU exchange survives random response APDUs', async () => {
    const r = prng(2);
    for (let i = 0; i < ROUNDS; i++) {
      let calls = 0;
      const transmit = async () => {
        calls++;
        if (calls > 40) return Uint8Array.of(0x00, 0x90, 0x00);
        const out = r.bytes(r.int(20));
        if (out.length >= 2 && r.next() < 0.5)
          out.set([[0x90, 0x91, 0x61][r.int(3)]!, r.int(256)], out.length - 2);
        return out;
      };
      await typedOnly(() =>
        nfcCtapExchange(transmit, Uint8Array.of(4), { sleep: async () => undefined }),
      );
    }
  });

  it('sendCbor and getInfo survive random bytes and random CBOR', async () => {
    const r = prng(3);
    for (let i = 0; i < ROUNDS; i++) {
      const answer = () => {
        const kind = r.int(3);
        if (kind === 0) return r.bytes(r.int(60));
        const map = randomMap(r);
        if (kind === 2) {
          map.set(GetInfoResult.VERSIONS, ['FIDO_2_0']);
          map.set(GetInfoResult.AAGUID, r.bytes(r.next() < 0.8 ? 16 : r.int(20)));
        }
        const body = encodeCanonical(map);
        return Uint8Array.of(
          r.next() < 0.9 ? 0 : r.int(256),
          ...body.subarray(0, r.next() < 0.8 ? body.length : r.int(body.length)),
        );
      };
      await typedOnly(() => Ctap2.open(deviceAnswering(answer)));
    }
  });

  it('makeCredential, getAssertion and authData parsing survive random CBOR and bytes', async () => {
    const r = prng(4);
    for (let i = 0; i < ROUNDS; i++) {
      const map = randomMap(r);
      if (r.next() < 0.5) {
        const authData = r.bytes(37 + r.int(120));
        authData[32] = r.int(256);
        map.set(2, authData);
      }
      await typedOnly(() => parseMakeCredentialResponse(map));
      await typedOnly(() => parseAssertionResponse(map, 'getAssertion'));
      await typedOnly(() => parseAuthenticatorData(r.bytes(r.int(200))));
    }
  });
});
