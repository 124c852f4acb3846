/**
 * Bounded, seeded fuzzing of the command parser and both transports: random and mutated CBOR,
 * HID reports and APDUs. The key never throws or hangs, answers every request with a status,
 * keeps its persistent state unchanged on rejected requests (except the PIN retry counter,
 * which a wrong PIN is meant to decrement), and still works afterwards.
 */
import { decodeCtap, encodeCanonical, CtapStatus as S } from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import {
  createAuthenticator,
  createCtapHidEndpoint,
  createFidoApplet,
  createManualClock,
} from '../src/index.ts';
import {
  call,
  getAssertionParams,
  getToken,
  makeCredentialParams,
  setPin,
} from './helpers/ctapCalls.ts';
import { mutate, randomRequest, rng } from './helpers/fuzz.ts';
import {
  allocateChannel,
  collector,
  flush,
  framesFor,
  hidReport,
  initPacket,
} from './helpers/hidHost.ts';

const COMMANDS = [
  0x01, 0x02, 0x04, 0x06, 0x07, 0x08, 0x0a, 0x0b, 0x0d, 0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56,
  0x03, 0x40, 0xff,
];
/** Rejections that legitimately change persistent state: a PIN was checked and was wrong. */
const PIN_CHECKED = new Set<number>([
  S.CTAP2_ERR_PIN_INVALID,
  S.CTAP2_ERR_PIN_BLOCKED,
  S.CTAP2_ERR_PIN_AUTH_BLOCKED,
]);

async function preparedKey() {
  const clock = createManualClock();
  const auth = createAuthenticator({ profile: 'enterprise', clock, serial: 'KW000999' });
  await auth.ready();
  await setPin(auth, '1234');
  const t = await getToken(auth, '1234', { permissions: 0x01, rpId: 'example.com' });
  await call(
    auth,
    0x01,
    makeCredentialParams({ rk: true, token: { protocol: t.session.protocol, value: t.token! } }),
  );
  return { auth, clock };
}

/** Valid requests to mutate. */
async function seeds(auth: ReturnType<typeof createAuthenticator>): Promise<Uint8Array[]> {
  const t = await getToken(auth, '1234', { permissions: 0x02, rpId: 'example.com' });
  const req = (cmd: number, params: Map<number, unknown>) =>
    Uint8Array.of(cmd, ...encodeCanonical(params));
  return [
    Uint8Array.of(0x04),
    req(
      0x06,
      new Map([
        [1, 2],
        [2, 1],
      ]),
    ),
    req(
      0x06,
      new Map([
        [1, 2],
        [2, 2],
      ]),
    ),
    req(0x01, makeCredentialParams({ rk: true })),
    req(0x02, getAssertionParams({})),
    req(0x02, getAssertionParams({ token: { protocol: t.session.protocol, value: t.token! } })),
    req(
      0x0a,
      new Map<number, unknown>([
        [1, 1],
        [3, 2],
        [4, new Uint8Array(32)],
      ]),
    ),
    req(
      0x0d,
      new Map<number, unknown>([
        [1, 3],
        [2, new Map([[1, 6]])],
        [3, 2],
        [4, new Uint8Array(32)],
      ]),
    ),
  ];
}

function checkResponse(response: Uint8Array) {
  expect(response.length).toBeGreaterThanOrEqual(1);
  if (response[0] === 0 && response.length > 1) {
    // Success bodies are canonical CBOR maps without null/undefined/floats (strict decode).
    expect(decodeCtap(response.subarray(1))).toBeInstanceOf(Map);
  }
}

describe('fuzz: command parser', () => {
  it('answers 1500 random and mutated requests with a status and never corrupts state', async () => {
    const { auth } = await preparedKey();
    const r = rng(0x5eed);
    const valid = await seeds(auth);
    for (let i = 0; i < 1500; i++) {
      const request =
        i % 3 === 0
          ? r.bytes(r.int(80))
          : i % 3 === 1
            ? randomRequest(r, COMMANDS)
            : mutate(r, r.pick(valid));
      const before = auth.state();
      const response = await auth.handleRequest(request);
      checkResponse(response);
      const status = response[0]!;
      if (status !== 0 && !PIN_CHECKED.has(status)) expect(auth.state()).toEqual(before);
      if (PIN_CHECKED.has(status)) {
        const { pin: _p, ...rest } = auth.state();
        const { pin: _q, ...restBefore } = before;
        expect(rest).toEqual(restBefore);
      }
      if (i % 200 === 0) auth.powerCycle();
    }
    expect((await call(auth, 0x04)).status).toBe(S.CTAP2_OK);
  }, 120_000);
});

describe('fuzz: CTAPHID endpoint', () => {
  it('survives 3000 random and mutated reports and still serves a new channel', async () => {
    const { auth, clock } = await preparedKey();
    const endpoint = createCtapHidEndpoint(auth, { clock });
    const { messages } = collector(endpoint);
    const r = rng(0xc1d);
    const cid = await allocateChannel(endpoint, messages);
    const valid = (await seeds(auth)).flatMap((req) => framesFor(cid, 0x10, req));
    const cids = [cid, 0xffffffff, 0, 0x01000002, r.int(2 ** 32)];
    for (let i = 0; i < 3000; i++) {
      let report: Uint8Array;
      switch (i % 4) {
        case 0:
          report = r.bytes(r.pick([64, 64, 64, 65, 63, 10]));
          break;
        case 1:
          report = initPacket(r.pick(cids), r.int(128), r.int(8000), r.bytes(57));
          break;
        case 2:
          report = hidReport(r.pick(cids), r.int(256), r.bytes(59));
          break;
        default:
          report = mutate(r, r.pick(valid));
      }
      expect(() => endpoint.send(report)).not.toThrow();
      if (i % 50 === 0) await clock.advance(600);
    }
    await clock.advance(1_000);
    await flush();
    messages.length = 0;
    const fresh = await allocateChannel(endpoint, messages);
    for (const f of framesFor(fresh, 0x10, Uint8Array.of(0x04))) endpoint.send(f);
    await flush();
    await flush();
    const reply = messages.find((m) => m.cid === fresh && m.cmd === 0x10);
    expect(reply?.payload[0]).toBe(0);
    endpoint.close();
  }, 120_000);
});

describe('fuzz: FIDO applet (APDUs)', () => {
  it('answers 2000 random and mutated APDUs with a status word and keeps working', async () => {
    const { auth, clock } = await preparedKey();
    const applet = createFidoApplet(auth, { clock });
    const r = rng(0xa9d0);
    const select = Uint8Array.from(Buffer.from('00A4040008A0000006472F0001', 'hex'));
    const valid = [
      select,
      Uint8Array.from(Buffer.from('80108000010400', 'hex')),
      Uint8Array.from(Buffer.from('9010800003a20102', 'hex')),
      Uint8Array.from(Buffer.from('00C0000000', 'hex')),
      Uint8Array.from(Buffer.from('8011000000', 'hex')),
      ...(await seeds(auth)).map((req) =>
        Uint8Array.of(0x80, 0x10, 0x80, 0x00, 0x00, req.length >> 8, req.length & 0xff, ...req),
      ),
    ];
    for (let i = 0; i < 2000; i++) {
      const apdu = i % 2 === 0 ? r.bytes(r.int(40)) : mutate(r, r.pick(valid));
      if (i % 97 === 0) await applet.process(select);
      const response = await applet.process(apdu);
      expect(response.length).toBeGreaterThanOrEqual(2);
    }
    applet.reset();
    await applet.process(select);
    const info = await applet.process(Uint8Array.from(Buffer.from('80100000000001040000', 'hex')));
    expect(info.subarray(-2)).toEqual(Uint8Array.of(0x90, 0x00));
    expect(info[0]).toBe(0);
  }, 120_000);
});
