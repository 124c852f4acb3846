/**
 * In-process CTAPHID endpoint (CTAP 2.1 §11.2): the authenticator as a USB HID device that takes
 * and returns 64-byte reports, so the host library's HID framing runs for real without USB.
 *
 * Rules (CTAP 2.1 §11.2.3–§11.2.9, as OpenSK and CanoKey implement them):
 * - INIT on the broadcast CID allocates a channel; INIT on an allocated CID resynchronises it.
 * - One transaction at a time: another CID gets ERR_CHANNEL_BUSY while a message is assembled
 *   or processed; the same CID sending a new init packet mid-message gets ERR_INVALID_SEQ.
 * - Continuation packets must count up from 0; a gap is ERR_INVALID_SEQ. Stray continuations
 *   are ignored. A message that stops arriving times out with ERR_MSG_TIMEOUT.
 * - While a CBOR request runs, KEEPALIVE (PROCESSING / UPNEEDED) every 100 ms; CANCEL on the
 *   same CID aborts a wait for presence (the request answers CTAP2_ERR_KEEPALIVE_CANCEL).
 */
import { CtapHidCmd, CtapHidError, CtapHidFrame, KeepaliveStatus } from '@keyward/ctap/internal';
import { type Clock, createSystemClock, type TimerHandle } from '../authenticator/clock.ts';
import type { VirtualAuthenticator } from '../authenticator/virtualAuthenticator.ts';
import { buildHidReports, HidMessageAssembly, initResponse, parseHidReport } from './hidFrames.ts';

export type CtapHidEndpointOptions = {
  /** Time source for message timeouts and keepalives (default wall clock). */
  clock?: Clock;
  /** Time allowed between packets of one message (default 500 ms; OpenSK 100, RIOT 500). */
  messageTimeoutMs?: number;
  /** Keepalive interval while a request runs (default 100 ms, CTAP 2.1 §11.2.9.1.5). */
  keepaliveIntervalMs?: number;
  /** Device version reported by INIT (default 1.0.0). */
  deviceVersion?: readonly [number, number, number];
};

export interface CtapHidEndpoint {
  /** One output report from the host (64 bytes, or 65 with a leading zero report ID). */
  send(report: Uint8Array): void;
  /** Input reports to the host, delivered asynchronously. Returns an unsubscribe function. */
  onReport(cb: (report: Uint8Array) => void): () => void;
  /** Stops answering; a running request is cancelled. */
  close(): void;
}

type Assembly = { message: HidMessageAssembly; timer: TimerHandle | undefined };

export function createCtapHidEndpoint(
  authenticator: VirtualAuthenticator,
  options: CtapHidEndpointOptions = {},
): CtapHidEndpoint {
  const clock = options.clock ?? createSystemClock();
  const messageTimeoutMs = options.messageTimeoutMs ?? 500;
  const keepaliveMs = options.keepaliveIntervalMs ?? 100;
  const version = options.deviceVersion ?? [1, 0, 0];
  const listeners = new Set<(report: Uint8Array) => void>();
  const channels = new Set<number>();
  let nextCid = 0x01000001;
  let assembly: Assembly | undefined;
  let busy: { cid: number; abort: AbortController; timer: TimerHandle | undefined } | undefined;

  /** Abandons the running request: nobody waits for its answer any more. */
  const dropBusy = () => {
    if (!busy) return;
    clock.clearTimeout(busy.timer);
    busy.abort.abort();
    busy = undefined;
  };
  let closed = false;

  const emit = (report: Uint8Array) => {
    queueMicrotask(() => {
      if (closed) return;
      for (const l of listeners) l(report);
    });
  };
  const respond = (cid: number, cmd: number, payload: Uint8Array) => {
    for (const r of buildHidReports(cid, cmd, payload)) emit(r);
  };
  const error = (cid: number, code: number) => respond(cid, CtapHidCmd.ERROR, Uint8Array.of(code));

  const dropAssembly = () => {
    if (assembly) clock.clearTimeout(assembly.timer);
    assembly = undefined;
  };
  const armTimeout = (a: Assembly) => {
    clock.clearTimeout(a.timer);
    a.timer = clock.setTimeout(() => {
      if (assembly !== a) return;
      dropAssembly();
      error(a.message.cid, CtapHidError.MSG_TIMEOUT);
    }, messageTimeoutMs);
  };

  function allocateCid(): number {
    while (channels.has(nextCid) || nextCid === 0 || nextCid === CtapHidFrame.BROADCAST_CID) {
      nextCid = (nextCid + 1) >>> 0;
    }
    const cid = nextCid;
    nextCid = (nextCid + 1) >>> 0;
    channels.add(cid);
    return cid;
  }

  function handleInit(cid: number, bcnt: number, data: Uint8Array) {
    if (cid === 0 || (cid !== CtapHidFrame.BROADCAST_CID && !channels.has(cid))) {
      error(cid, CtapHidError.INVALID_CHANNEL);
      return;
    }
    if (bcnt !== 8) {
      error(cid, CtapHidError.INVALID_LEN);
      return;
    }
    // Resynchronise: whatever this channel was doing is abandoned.
    if (assembly?.message.cid === cid) dropAssembly();
    if (busy?.cid === cid) dropBusy();
    const newCid = cid === CtapHidFrame.BROADCAST_CID ? allocateCid() : cid;
    respond(cid, CtapHidCmd.INIT, initResponse(data, newCid, version));
  }

  function runCbor(cid: number, payload: Uint8Array) {
    if (payload.length === 0) {
      error(cid, CtapHidError.INVALID_LEN);
      return;
    }
    const abort = new AbortController();
    let status: number = KeepaliveStatus.PROCESSING;
    const current = { cid, abort, timer: undefined as TimerHandle | undefined };
    busy = current;
    const tick = () => {
      if (busy !== current) return;
      respond(cid, CtapHidCmd.KEEPALIVE, Uint8Array.of(status));
      current.timer = clock.setTimeout(tick, keepaliveMs);
    };
    current.timer = clock.setTimeout(tick, keepaliveMs);
    authenticator
      .handleRequest(payload, {
        signal: abort.signal,
        onKeepalive: (s) => {
          if (busy !== current || s === status) return;
          status = s;
          respond(cid, CtapHidCmd.KEEPALIVE, Uint8Array.of(status));
        },
      })
      .then((response) => {
        // A resync (INIT) or close abandoned the request: nobody waits for its answer.
        if (busy !== current) return;
        clock.clearTimeout(current.timer);
        busy = undefined;
        respond(cid, CtapHidCmd.CBOR, response);
      });
  }

  function complete(cid: number, cmd: number, payload: Uint8Array) {
    switch (cmd) {
      case CtapHidCmd.PING:
        respond(cid, CtapHidCmd.PING, payload);
        return;
      case CtapHidCmd.WINK:
        authenticator.wink();
        respond(cid, CtapHidCmd.WINK, new Uint8Array(0));
        return;
      case CtapHidCmd.CBOR:
        runCbor(cid, payload);
        return;
      default:
        error(cid, CtapHidError.INVALID_CMD);
    }
  }

  function onInitPacket(cid: number, cmd: number, bcnt: number, data: Uint8Array) {
    if (cmd === CtapHidCmd.INIT) {
      handleInit(cid, bcnt, data);
      return;
    }
    if (cid === 0 || cid === CtapHidFrame.BROADCAST_CID || !channels.has(cid)) {
      error(cid, CtapHidError.INVALID_CHANNEL);
      return;
    }
    if (cmd === CtapHidCmd.CANCEL) {
      if (busy?.cid === cid) busy.abort.abort();
      else if (assembly?.message.cid === cid) {
        dropAssembly();
        error(cid, CtapHidError.INVALID_SEQ);
      }
      return; // CANCEL itself is never answered.
    }
    const owner = assembly?.message.cid ?? busy?.cid;
    if (owner !== undefined && owner !== cid) {
      error(cid, CtapHidError.CHANNEL_BUSY);
      return;
    }
    if (assembly?.message.cid === cid) {
      dropAssembly();
      error(cid, CtapHidError.INVALID_SEQ);
      return;
    }
    if (busy?.cid === cid) {
      error(cid, CtapHidError.CHANNEL_BUSY);
      return;
    }
    if (bcnt > CtapHidFrame.MAX_MESSAGE) {
      error(cid, CtapHidError.INVALID_LEN);
      return;
    }
    if (bcnt <= CtapHidFrame.INIT_DATA) {
      complete(cid, cmd, new Uint8Array(data.subarray(0, bcnt)));
      return;
    }
    const a: Assembly = { message: new HidMessageAssembly(cid, cmd, bcnt, data), timer: undefined };
    assembly = a;
    armTimeout(a);
  }

  function onContPacket(cid: number, seq: number, data: Uint8Array) {
    const a = assembly;
    if (!a || a.message.cid !== cid) return; // Stray continuation: ignored (OpenSK).
    const progress = a.message.add(seq, data);
    if (progress === 'more') {
      armTimeout(a);
      return;
    }
    dropAssembly();
    if (progress === 'bad-seq') error(cid, CtapHidError.INVALID_SEQ);
    else complete(cid, a.message.cmd, a.message.payload());
  }

  return {
    send(report) {
      if (closed) return;
      const packet = parseHidReport(report);
      if (!packet) return;
      if (packet.kind === 'init') onInitPacket(packet.cid, packet.cmd, packet.bcnt, packet.data);
      else onContPacket(packet.cid, packet.seq, packet.data);
    },
    onReport(cb) {
      listeners.add(cb);
      return () => {
        listeners.delete(cb);
      };
    },
    close() {
      closed = true;
      dropAssembly();
      dropBusy();
      listeners.clear();
    },
  };
}
