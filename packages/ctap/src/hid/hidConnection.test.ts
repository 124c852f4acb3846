import { describe, expect, it } from 'vitest';
import { CtapHidCmd } from '../constants.ts';
import { type CtapError, DeviceGoneError, ProtocolError } from '../errors.ts';
import { encodeMessage } from './framing.ts';
import { CtapHidConnection, type ReportPipe } from './hidConnection.ts';

const CID = 0x0a0b0c0d;

/** A scripted device: `reply(request)` returns the reports to send back for each message. */
function scriptedPipe(reply: (cmd: number, payload: Uint8Array, cid: number) => Uint8Array[]) {
  const listeners = new Set<(r: Uint8Array) => void>();
  const closers = new Set<(e?: Error) => void>();
  let failWrites = false;
  const pipe: ReportPipe = {
    write(report) {
      if (failWrites) throw new Error('EIO');
      const cid = ((report[0]! << 24) | (report[1]! << 16) | (report[2]! << 8) | report[3]!) >>> 0;
      if (!(report[4]! & 0x80)) return;
      const cmd = report[4]! & 0x7f;
      const length = (report[5]! << 8) | report[6]!;
      const payload = report.slice(7, 7 + length);
      queueMicrotask(() => {
        for (const r of reply(cmd, payload, cid)) for (const l of listeners) l(r);
      });
    },
    onReport(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    onClose(cb) {
      closers.add(cb);
      return () => closers.delete(cb);
    },
  };
  return {
    pipe,
    unplug: () => {
      for (const c of closers) c(new Error('gone'));
    },
    breakWrites: () => {
      failWrites = true;
    },
  };
}

function initAnswer(nonce: Uint8Array, cid = CID): Uint8Array[] {
  const p = new Uint8Array(17);
  p.set(nonce, 0);
  new DataView(p.buffer).setUint32(8, cid);
  p.set([2, 1, 0, 0, 0x05], 12);
  return encodeMessage(0xffffffff, CtapHidCmd.INIT, p);
}

describe('CtapHidConnection', () => {
  it('ignores INIT answers meant for another application and uses the allocated channel', async () => {
    const { pipe } = scriptedPipe((cmd, payload) =>
      cmd === CtapHidCmd.INIT
        ? [...initAnswer(new Uint8Array(8).fill(0xee), 0x1111), ...initAnswer(payload)]
        : [],
    );
    const connection = await CtapHidConnection.open(pipe);
    expect(connection.info.cid).toBe(CID);
    expect(connection.info.capabilities).toBe(0x05);
  });

  it('reports each keepalive status change once, then the answer', async () => {
    const { pipe } = scriptedPipe((cmd, payload, cid) => {
      if (cmd === CtapHidCmd.INIT) return initAnswer(payload);
      const ka = (s: number) => encodeMessage(cid, CtapHidCmd.KEEPALIVE, Uint8Array.of(s));
      return [
        ...ka(1),
        ...ka(1),
        ...ka(2),
        ...ka(2),
        ...ka(1),
        ...encodeMessage(cid, CtapHidCmd.CBOR, Uint8Array.of(0)),
      ];
    });
    const connection = await CtapHidConnection.open(pipe);
    const seen: number[] = [];
    const answer = await connection.call(CtapHidCmd.CBOR, Uint8Array.of(0x04), {
      onKeepalive: (s) => seen.push(s),
    });
    expect(answer).toEqual(Uint8Array.of(0));
    expect(seen).toEqual([1, 2, 1]);
  });

  it('turns CTAPHID_ERROR and an answer for the wrong command into typed errors', async () => {
    let mode: 'error' | 'wrong' = 'error';
    const { pipe } = scriptedPipe((cmd, payload, cid) => {
      if (cmd === CtapHidCmd.INIT) return initAnswer(payload);
      return mode === 'error'
        ? encodeMessage(cid, CtapHidCmd.ERROR, Uint8Array.of(0x04))
        : encodeMessage(cid, CtapHidCmd.PING, Uint8Array.of(0));
    });
    const connection = await CtapHidConnection.open(pipe);
    const error = await connection.call(CtapHidCmd.CBOR, Uint8Array.of(4)).catch((e: unknown) => e);
    expect((error as CtapError).statusName).toBe('CTAP1_ERR_INVALID_SEQ');
    mode = 'wrong';
    await expect(connection.call(CtapHidCmd.CBOR, Uint8Array.of(4))).rejects.toBeInstanceOf(
      ProtocolError,
    );
  });

  it('fails the pending and every later call with DeviceGoneError when the device goes away', async () => {
    const device = scriptedPipe((cmd, payload) =>
      cmd === CtapHidCmd.INIT ? initAnswer(payload) : [],
    );
    const connection = await CtapHidConnection.open(device.pipe);
    const pending = connection.call(CtapHidCmd.CBOR, Uint8Array.of(4));
    device.unplug();
    await expect(pending).rejects.toBeInstanceOf(DeviceGoneError);
    await expect(connection.call(CtapHidCmd.PING, Uint8Array.of(1))).rejects.toBeInstanceOf(
      DeviceGoneError,
    );
  });

  it('turns a failing write into DeviceGoneError', async () => {
    const device = scriptedPipe((cmd, payload) =>
      cmd === CtapHidCmd.INIT ? initAnswer(payload) : [],
    );
    const connection = await CtapHidConnection.open(device.pipe);
    device.breakWrites();
    await expect(connection.call(CtapHidCmd.PING, Uint8Array.of(1))).rejects.toBeInstanceOf(
      DeviceGoneError,
    );
  });
});
