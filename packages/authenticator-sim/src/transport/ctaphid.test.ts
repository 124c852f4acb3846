import { CtapHidError, decodeCtapMap, encodeCanonical } from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import {
  allocateChannel,
  collector,
  flush,
  framesFor,
  hidReport,
  initPacket,
} from '../../test/helpers/hidHost.ts';
import { createManualClock } from '../authenticator/clock.ts';
import { presence } from '../authenticator/presence.ts';
import { createAuthenticator } from '../authenticator/virtualAuthenticator.ts';
import { createCtapHidEndpoint } from './ctaphid.ts';

const BROADCAST = 0xffffffff;

async function setup(options: { manualPresence?: boolean } = {}) {
  const clock = createManualClock();
  const auth = createAuthenticator({
    clock,
    ...(options.manualPresence ? { presence: presence.manual() } : {}),
  });
  await auth.ready();
  const endpoint = createCtapHidEndpoint(auth, { clock });
  const { messages, reports } = collector(endpoint);
  return { clock, auth, endpoint, messages, reports };
}

const last = <T>(list: T[]) => list[list.length - 1]!;

describe('CTAPHID INIT', () => {
  it('allocates a channel on the broadcast CID and answers there with the echoed nonce', async () => {
    const { endpoint, messages, reports } = await setup();
    const nonce = Uint8Array.of(0x80, 0x43, 0x56, 0x40, 0xb1, 0x4e, 0xd9, 0x2d);
    endpoint.send(initPacket(BROADCAST, 0x06, 8, nonce));
    await flush();
    expect(reports).toHaveLength(1);
    const r = reports[0]!;
    expect([...r.subarray(0, 7)]).toEqual([0xff, 0xff, 0xff, 0xff, 0x86, 0x00, 0x11]);
    const msg = messages[0]!;
    expect([...msg.payload.subarray(0, 8)]).toEqual([...nonce]);
    const cid = new DataView(msg.payload.buffer).getUint32(8);
    expect(cid).not.toBe(0);
    expect(cid).not.toBe(BROADCAST);
    expect(msg.payload[12]).toBe(2); // CTAPHID protocol version
    expect(msg.payload[16]).toBe(0x01 | 0x04 | 0x08); // WINK | CBOR | NMSG
  });

  it('gives every INIT on the broadcast CID a different channel', async () => {
    const { endpoint, messages } = await setup();
    const a = await allocateChannel(endpoint, messages);
    const b = await allocateChannel(endpoint, messages);
    expect(a).not.toBe(b);
  });

  it('resynchronises an allocated channel: answer on that CID with the same CID', async () => {
    const { endpoint, messages } = await setup();
    const cid = await allocateChannel(endpoint, messages);
    endpoint.send(initPacket(cid, 0x06, 8, new Uint8Array(8).fill(7)));
    await flush();
    const msg = last(messages);
    expect(msg.cid).toBe(cid);
    expect(new DataView(msg.payload.buffer).getUint32(8)).toBe(cid);
  });

  it('rejects INIT with a payload other than 8 bytes with ERR_INVALID_LEN', async () => {
    const { endpoint, messages } = await setup();
    endpoint.send(initPacket(BROADCAST, 0x06, 4, new Uint8Array(4)));
    await flush();
    expect(last(messages)).toMatchObject({
      cmd: 0x3f,
      payload: Uint8Array.of(CtapHidError.INVALID_LEN),
    });
  });
});

describe('CTAPHID channels and commands', () => {
  it('echoes a multi-packet PING', async () => {
    const { endpoint, messages } = await setup();
    const cid = await allocateChannel(endpoint, messages);
    const data = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);
    for (const f of framesFor(cid, 0x01, data)) endpoint.send(f);
    await flush();
    expect(last(messages)).toEqual({ cid, cmd: 0x01, payload: data });
  });

  it('answers a CBOR getInfo split over several response packets', async () => {
    const { endpoint, messages, reports } = await setup();
    const cid = await allocateChannel(endpoint, messages);
    const before = reports.length;
    endpoint.send(initPacket(cid, 0x10, 1, Uint8Array.of(0x04)));
    await flush();
    const msg = last(messages);
    expect(msg.cmd).toBe(0x10);
    expect(msg.payload[0]).toBe(0);
    expect(reports.length - before).toBeGreaterThan(1);
    const info = decodeCtapMap(msg.payload.subarray(1));
    expect(info.get(1)).toEqual(['FIDO_2_0', 'FIDO_2_1']);
  });

  it('accepts a 65-byte report with a leading zero report ID (hidraw style)', async () => {
    const { endpoint, messages } = await setup();
    const r = initPacket(BROADCAST, 0x06, 8, new Uint8Array(8).fill(1));
    endpoint.send(Uint8Array.of(0, ...r));
    await flush();
    expect(last(messages).cmd).toBe(0x06);
  });

  it.each([
    ['the broadcast CID', BROADCAST],
    ['CID 0', 0],
    ['an unallocated CID', 0x12345678],
  ])('answers a non-INIT command on %s with ERR_INVALID_CHANNEL', async (_, cid) => {
    const { endpoint, messages } = await setup();
    endpoint.send(initPacket(cid, 0x01, 1, Uint8Array.of(1)));
    await flush();
    expect(last(messages)).toMatchObject({ cid, cmd: 0x3f, payload: Uint8Array.of(0x0b) });
  });

  it('answers an unknown command and CTAPHID_MSG (no U2F) with ERR_INVALID_CMD', async () => {
    const { endpoint, messages } = await setup();
    const cid = await allocateChannel(endpoint, messages);
    for (const cmd of [0x03, 0x22, 0x40]) {
      endpoint.send(initPacket(cid, cmd, 0, new Uint8Array(0)));
      await flush();
      expect(last(messages)).toMatchObject({ cmd: 0x3f, payload: Uint8Array.of(0x01) });
    }
  });

  it('answers WINK with an empty WINK and tells the key’s listeners', async () => {
    const { endpoint, messages, auth } = await setup();
    let winks = 0;
    auth.onEvent((e) => {
      if (e.type === 'wink') winks++;
    });
    const cid = await allocateChannel(endpoint, messages);
    endpoint.send(initPacket(cid, 0x08, 0, new Uint8Array(0)));
    await flush();
    expect(last(messages)).toEqual({ cid, cmd: 0x08, payload: new Uint8Array(0) });
    expect(winks).toBe(1);
  });

  it('rejects a declared length above 7609 bytes with ERR_INVALID_LEN', async () => {
    const { endpoint, messages } = await setup();
    const cid = await allocateChannel(endpoint, messages);
    endpoint.send(initPacket(cid, 0x01, 7610, new Uint8Array(57)));
    await flush();
    expect(last(messages)).toMatchObject({ cmd: 0x3f, payload: Uint8Array.of(0x03) });
  });

  it('answers a CBOR message without a command byte with ERR_INVALID_LEN', async () => {
    const { endpoint, messages } = await setup();
    const cid = await allocateChannel(endpoint, messages);
    endpoint.send(initPacket(cid, 0x10, 0, new Uint8Array(0)));
    await flush();
    expect(last(messages)).toMatchObject({ cmd: 0x3f, payload: Uint8Array.of(0x03) });
  });
});

describe('CTAPHID sequencing', () => {
  it('drops the message with ERR_INVALID_SEQ when a continuation skips a number', async () => {
    const { endpoint, messages } = await setup();
    const cid = await allocateChannel(endpoint, messages);
    const frames = framesFor(cid, 0x01, new Uint8Array(200));
    endpoint.send(frames[0]!);
    endpoint.send(frames[2]!); // seq 1 instead of 0
    await flush();
    expect(last(messages)).toMatchObject({ cid, cmd: 0x3f, payload: Uint8Array.of(0x04) });
    endpoint.send(frames[1]!); // stray now: ignored
    await flush();
    expect(last(messages).cmd).toBe(0x3f);
  });

  it('answers another channel with ERR_CHANNEL_BUSY while a message is being assembled', async () => {
    const { endpoint, messages } = await setup();
    const a = await allocateChannel(endpoint, messages);
    const b = await allocateChannel(endpoint, messages);
    const frames = framesFor(a, 0x01, new Uint8Array(100).fill(9));
    endpoint.send(frames[0]!);
    endpoint.send(initPacket(b, 0x01, 1, Uint8Array.of(1)));
    await flush();
    expect(last(messages)).toMatchObject({ cid: b, cmd: 0x3f, payload: Uint8Array.of(0x06) });
    endpoint.send(frames[1]!);
    await flush();
    expect(last(messages)).toEqual({ cid: a, cmd: 0x01, payload: new Uint8Array(100).fill(9) });
  });

  it('answers the same channel with ERR_INVALID_SEQ when it starts a new message mid-message', async () => {
    const { endpoint, messages } = await setup();
    const cid = await allocateChannel(endpoint, messages);
    endpoint.send(framesFor(cid, 0x01, new Uint8Array(100))[0]!);
    endpoint.send(initPacket(cid, 0x01, 1, Uint8Array.of(1)));
    await flush();
    expect(last(messages)).toMatchObject({ cid, cmd: 0x3f, payload: Uint8Array.of(0x04) });
  });

  it('times out an incomplete message with ERR_MSG_TIMEOUT and frees the channel', async () => {
    const { endpoint, messages, clock } = await setup();
    const a = await allocateChannel(endpoint, messages);
    const b = await allocateChannel(endpoint, messages);
    endpoint.send(framesFor(a, 0x01, new Uint8Array(100))[0]!);
    await clock.advance(499);
    expect(messages).toHaveLength(0);
    await clock.advance(1);
    expect(last(messages)).toMatchObject({ cid: a, cmd: 0x3f, payload: Uint8Array.of(0x05) });
    endpoint.send(initPacket(b, 0x01, 1, Uint8Array.of(5)));
    await flush();
    expect(last(messages)).toEqual({ cid: b, cmd: 0x01, payload: Uint8Array.of(5) });
  });
});

describe('CTAPHID keepalive and cancel', () => {
  const selection = Uint8Array.of(0x0b);

  it('sends KEEPALIVE UPNEEDED every 100 ms while waiting for a touch, then the answer', async () => {
    const { endpoint, messages, clock, auth } = await setup({ manualPresence: true });
    const cid = await allocateChannel(endpoint, messages);
    endpoint.send(initPacket(cid, 0x10, 1, selection));
    await flush();
    expect(last(messages)).toEqual({ cid, cmd: 0x3b, payload: Uint8Array.of(0x02) });
    const count = messages.length;
    await clock.advance(300);
    const keepalives = messages.slice(count);
    expect(keepalives).toHaveLength(3);
    expect(keepalives.every((k) => k.cmd === 0x3b && k.payload[0] === 0x02)).toBe(true);
    expect(auth.touch()).toBe(true);
    await flush();
    expect(last(messages)).toEqual({ cid, cmd: 0x10, payload: Uint8Array.of(0x00) });
  });

  it('ends a request waiting for a touch with CTAP2_ERR_KEEPALIVE_CANCEL on CANCEL', async () => {
    const { endpoint, messages } = await setup({ manualPresence: true });
    const cid = await allocateChannel(endpoint, messages);
    endpoint.send(initPacket(cid, 0x10, 1, selection));
    await flush();
    endpoint.send(initPacket(cid, 0x11, 0, new Uint8Array(0)));
    await flush();
    expect(last(messages)).toEqual({ cid, cmd: 0x10, payload: Uint8Array.of(0x2d) });
  });

  it('answers other channels with ERR_CHANNEL_BUSY while a request waits for a touch', async () => {
    const { endpoint, messages } = await setup({ manualPresence: true });
    const a = await allocateChannel(endpoint, messages);
    const b = await allocateChannel(endpoint, messages);
    endpoint.send(initPacket(a, 0x10, 1, selection));
    endpoint.send(initPacket(b, 0x10, 1, Uint8Array.of(0x04)));
    await flush();
    expect(messages.filter((x) => x.cid === b)).toEqual([
      { cid: b, cmd: 0x3f, payload: Uint8Array.of(0x06) },
    ]);
  });

  it('times out a touch after 30 s with CTAP2_ERR_USER_ACTION_TIMEOUT', async () => {
    const { endpoint, messages, clock } = await setup({ manualPresence: true });
    const cid = await allocateChannel(endpoint, messages);
    endpoint.send(initPacket(cid, 0x10, 1, selection));
    await clock.advance(30_000);
    expect(last(messages)).toEqual({ cid, cmd: 0x10, payload: Uint8Array.of(0x2f) });
  });

  it('never answers CANCEL itself', async () => {
    const { endpoint, messages } = await setup();
    const cid = await allocateChannel(endpoint, messages);
    const before = messages.length;
    endpoint.send(initPacket(cid, 0x11, 0, new Uint8Array(0)));
    await flush();
    expect(messages.length).toBe(before);
  });

  it('carries a full makeCredential request over many continuation packets', async () => {
    const { endpoint, messages } = await setup();
    const cid = await allocateChannel(endpoint, messages);
    const params = new Map<number, unknown>([
      [1, new Uint8Array(32)],
      [2, new Map([['id', 'example.com']])],
      [
        3,
        new Map<string, unknown>([
          ['id', new Uint8Array(64).fill(1)],
          ['name', 'x'.repeat(60)],
        ]),
      ],
      [
        4,
        [
          new Map<string, unknown>([
            ['alg', -7],
            ['type', 'public-key'],
          ]),
        ],
      ],
    ]);
    const payload = Uint8Array.of(0x01, ...encodeCanonical(params));
    for (const f of framesFor(cid, 0x10, payload)) endpoint.send(f);
    await flush();
    await flush();
    const msg = last(messages);
    expect(msg.cmd).toBe(0x10);
    expect(msg.payload[0]).toBe(0);
    expect(decodeCtapMap(msg.payload.subarray(1)).get(1)).toBe('packed');
  });

  it('ignores reports of the wrong size', async () => {
    const { endpoint, messages } = await setup();
    endpoint.send(new Uint8Array(10));
    endpoint.send(hidReport(BROADCAST, 0x86, [0, 8]).subarray(0, 63));
    await flush();
    expect(messages).toHaveLength(0);
  });
});

describe('CTAPHID with the delay presence policy', () => {
  it('keeps sending UPNEEDED until the delayed touch, then answers', async () => {
    const clock = createManualClock();
    const auth = createAuthenticator({ clock, presence: presence.delay(250) });
    const endpoint = createCtapHidEndpoint(auth, { clock });
    const { messages } = collector(endpoint);
    const cid = await allocateChannel(endpoint, messages);
    endpoint.send(initPacket(cid, 0x10, 1, Uint8Array.of(0x0b)));
    await clock.advance(249);
    expect(messages.filter((x) => x.cmd === 0x3b).length).toBeGreaterThanOrEqual(3);
    expect(messages.some((x) => x.cmd === 0x10)).toBe(false);
    await clock.advance(1);
    expect(last(messages)).toEqual({ cid, cmd: 0x10, payload: Uint8Array.of(0x00) });
  });
});
