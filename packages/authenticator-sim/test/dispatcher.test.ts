import { CtapStatus as S } from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../src/index.ts';
import { call, getAssertionParams, makeCredentialParams } from './helpers/ctapCalls.ts';

const hex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

describe('command parser', () => {
  it.each([
    ['an unknown command byte', '03', S.CTAP1_ERR_INVALID_COMMAND],
    ['a prototype credMgmt byte 0x41', '41a0', S.CTAP1_ERR_INVALID_COMMAND],
    ['largeBlobs (not offered)', '0ca0', S.CTAP1_ERR_INVALID_COMMAND],
    ['an empty request', '', S.CTAP1_ERR_INVALID_LENGTH],
    ['truncated CBOR', '06a20102', S.CTAP2_ERR_INVALID_CBOR],
    ['trailing bytes after the map', '06a2010202020000', S.CTAP2_ERR_INVALID_CBOR],
    ['a non-canonical key order', '06a202020102', S.CTAP2_ERR_INVALID_CBOR],
    ['a non-shortest integer', '06a2011802 0202', S.CTAP2_ERR_INVALID_CBOR],
    ['an indefinite-length map', '06bf01020202ff', S.CTAP2_ERR_INVALID_CBOR],
    ['a float', '06a201f93c000202', S.CTAP2_ERR_INVALID_CBOR],
    ['a tag', '06a201c1020202', S.CTAP2_ERR_INVALID_CBOR],
    ['null', '06a201f60202', S.CTAP2_ERR_INVALID_CBOR],
    ['an array instead of a map', '068102', S.CTAP2_ERR_CBOR_UNEXPECTED_TYPE],
    ['a clientPIN request without body', '06', S.CTAP2_ERR_MISSING_PARAMETER],
    ['a makeCredential request without body', '01', S.CTAP2_ERR_MISSING_PARAMETER],
  ])('answers %s with the spec status', async (_, request, status) => {
    const auth = createAuthenticator();
    const before = auth.state();
    const r = await auth.handleRequest(hex(request));
    expect([...r]).toEqual([status]);
    expect(auth.state()).toEqual(before);
  });

  it('answers getPINRetries built byte by byte: {1: 2, 2: 1} → {3: 8, 4: false}', async () => {
    const auth = createAuthenticator();
    expect(Buffer.from(await auth.handleRequest(hex('06 a2 01 02 02 01'))).toString('hex')).toBe(
      '00a20308' + '04f4',
    );
  });

  it('refuses requests larger than maxMsgSize with INVALID_LENGTH', async () => {
    const auth = createAuthenticator();
    const big = new Uint8Array(2049);
    big[0] = 0x01;
    expect([...(await auth.handleRequest(big))]).toEqual([S.CTAP1_ERR_INVALID_LENGTH]);
  });

  it('turns an unexpected failure into CTAP1_ERR_OTHER and leaves the state as it was', async () => {
    const auth = createAuthenticator();
    await call(auth, 0x01, makeCredentialParams({ rk: true }));
    const broken = auth.state();
    // A corrupt stored key (a damaged state file) makes signing throw inside the handler.
    broken.credentials[0]!.privateKey = 'AAAA';
    const damaged = createAuthenticator({ state: broken });
    const before = damaged.state();
    const r = await call(damaged, 0x02, getAssertionParams({}));
    expect(r.status).toBe(S.CTAP1_ERR_OTHER);
    expect(damaged.state()).toEqual(before);
    // The key keeps answering.
    expect((await call(damaged, 0x04)).status).toBe(S.CTAP2_OK);
  });

  it('answers selection after a touch and not at all on the CTAP 2.0 profile', async () => {
    expect((await call(createAuthenticator(), 0x0b)).status).toBe(S.CTAP2_OK);
    expect((await call(createAuthenticator({ profile: 'ctap20' }), 0x0b)).status).toBe(
      S.CTAP1_ERR_INVALID_COMMAND,
    );
  });

  it('adds the configured latency per command, driven by the injected clock', async () => {
    const { createManualClock } = await import('../src/index.ts');
    const clock = createManualClock();
    const auth = createAuthenticator({ clock, latency: { getInfo: 250 } });
    let done = false;
    const pending = auth.handleRequest(Uint8Array.of(0x04)).then((r) => {
      done = true;
      return r;
    });
    await clock.advance(249);
    expect(done).toBe(false);
    await clock.advance(1);
    expect((await pending)[0]).toBe(0);
  });
});
