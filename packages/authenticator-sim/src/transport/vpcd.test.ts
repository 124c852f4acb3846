/**
 * The vpcd socket protocol (vsmartcard doc/api.txt) against a small TCP peer that speaks it the
 * way vpcd does: 2-byte big-endian length framing, 1-byte control messages, APDUs.
 * The real pcscd + vpcd path is covered by test/interop and test/cli.test.ts.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../authenticator/virtualAuthenticator.ts';
import { attachToVpcd, type VpcdCard } from './vpcd.ts';

type Peer = {
  port: number;
  server: Server;
  next(): Promise<Socket>;
  received: Uint8Array[];
  waitFor(n: number): Promise<void>;
};

async function vpcdPeer(): Promise<Peer> {
  const sockets: Socket[] = [];
  const waiters: ((s: Socket) => void)[] = [];
  const received: Uint8Array[] = [];
  let notify = () => {};
  const server = createServer((s) => {
    let buf = Buffer.alloc(0);
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const len = buf.readUInt16BE(0);
        received.push(new Uint8Array(buf.subarray(2, 2 + len)));
        buf = buf.subarray(2 + len);
        notify();
      }
    });
    const w = waiters.shift();
    if (w) w(s);
    else sockets.push(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    server,
    received,
    next: () => {
      const s = sockets.shift();
      return s ? Promise.resolve(s) : new Promise((r) => waiters.push(r));
    },
    waitFor: (n) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (received.length >= n) resolve();
        };
        notify = check;
        check();
      }),
  };
}

const frame = (bytes: number[] | Uint8Array) => {
  const b = Buffer.alloc(2 + bytes.length);
  b.writeUInt16BE(bytes.length, 0);
  b.set(bytes, 2);
  return b;
};

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function setup() {
  const peer = await vpcdPeer();
  const auth = createAuthenticator();
  const card: VpcdCard = attachToVpcd(auth, { port: peer.port, retryMs: 10 });
  cleanup.push(async () => {
    await card.close();
    await new Promise((r) => peer.server.close(r));
  });
  const socket = await peer.next();
  return { peer, auth, card, socket };
}

describe('vpcd bridge', () => {
  it('answers GET ATR (04) with a T=1 ATR 3B 80 80 01 01', async () => {
    const { peer, socket } = await setup();
    socket.write(frame([0x04]));
    await peer.waitFor(1);
    expect([...peer.received[0]!]).toEqual([0x3b, 0x80, 0x80, 0x01, 0x01]);
  });

  it('treats power on (01) and reset (02) as a power cycle and does not answer them', async () => {
    const { peer, socket, auth } = await setup();
    let cycles = 0;
    auth.onEvent((e) => {
      if (e.type === 'powerCycle') cycles++;
    });
    socket.write(frame([0x01]));
    socket.write(frame([0x02]));
    socket.write(frame([0x00]));
    socket.write(frame([0x04]));
    await peer.waitFor(1);
    expect(cycles).toBe(2);
    expect(peer.received).toHaveLength(1);
  });

  it('answers APDUs, also when a frame arrives split over several TCP segments', async () => {
    const { peer, socket } = await setup();
    const select = frame([
      0x00, 0xa4, 0x04, 0x00, 0x08, 0xa0, 0x00, 0x00, 0x06, 0x47, 0x2f, 0x00, 0x01,
    ]);
    socket.write(select.subarray(0, 1));
    await new Promise((r) => setTimeout(r, 5));
    socket.write(select.subarray(1, 7));
    await new Promise((r) => setTimeout(r, 5));
    socket.write(
      Buffer.concat([select.subarray(7), frame([0x80, 0x10, 0x80, 0x00, 0x01, 0x04, 0x00])]),
    );
    await peer.waitFor(2);
    expect(Buffer.from(peer.received[0]!).toString('hex')).toBe(
      `${Buffer.from('FIDO_2_0').toString('hex')}9000`,
    );
    expect(peer.received[1]![0]).toBe(0x00);
  });

  it('removes the card by closing the connection and inserts it again by reconnecting', async () => {
    const { peer, socket, card } = await setup();
    const closed = new Promise((r) => socket.once('close', r));
    await card.remove();
    await closed;
    expect(card.inserted).toBe(false);
    const again = peer.next();
    await card.insert();
    const s2 = await again;
    expect(card.inserted).toBe(true);
    s2.write(frame([0x04]));
    await peer.waitFor(1);
    expect(peer.received).toHaveLength(1);
  });
});

describe('vpcd bridge fuzz', () => {
  it('answers every one of 500 random frames it must answer, then still works', async () => {
    const { peer, socket } = await setup();
    let seed = 0x7a11;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let expected = 0;
    const chunks: Buffer[] = [];
    for (let i = 0; i < 500; i++) {
      const len = rand(4) === 0 ? 1 : 2 + rand(300);
      const msg = Array.from({ length: len }, () => rand(256));
      if (len === 1 && msg[0]! <= 0x02) continue; // power off/on/reset: never answered
      if (len === 1 && msg[0] !== 0x04) continue; // unknown control codes: ignored
      expected++;
      chunks.push(frame(msg));
    }
    // Sent as one stream cut at random places.
    const stream = Buffer.concat(chunks);
    for (let at = 0; at < stream.length; ) {
      const n = 1 + rand(700);
      socket.write(stream.subarray(at, at + n));
      at += n;
    }
    await peer.waitFor(expected);
    expect(peer.received).toHaveLength(expected);
    expect(peer.received.every((r) => r.length >= 2)).toBe(true);
    socket.write(
      frame([0x00, 0xa4, 0x04, 0x00, 0x08, 0xa0, 0x00, 0x00, 0x06, 0x47, 0x2f, 0x00, 0x01]),
    );
    await peer.waitFor(expected + 1);
    expect(Buffer.from(peer.received[expected]!).subarray(-2).toString('hex')).toBe('9000');
  });
});
