/** A tiny host side of CTAPHID for tests: writes packets by hand, collects the device's reports. */
import type { CtapHidEndpoint } from '../../src/index.ts';

export function hidReport(cid: number, byte4: number, rest: number[] | Uint8Array): Uint8Array {
  const r = new Uint8Array(64);
  new DataView(r.buffer).setUint32(0, cid >>> 0);
  r[4] = byte4;
  r.set(rest.slice(0, 59), 5);
  return r;
}

/** Init packet: CID ‖ 0x80|cmd ‖ BCNT ‖ data (first 57 bytes). */
export function initPacket(cid: number, cmd: number, bcnt: number, data: Uint8Array): Uint8Array {
  return hidReport(cid, 0x80 | cmd, [bcnt >> 8, bcnt & 0xff, ...data.subarray(0, 57)]);
}

export function framesFor(cid: number, cmd: number, payload: Uint8Array): Uint8Array[] {
  const out = [initPacket(cid, cmd, payload.length, payload)];
  for (let at = 57, seq = 0; at < payload.length; at += 59, seq++) {
    out.push(hidReport(cid, seq, payload.subarray(at, at + 59)));
  }
  return out;
}

export type ReceivedMessage = { cid: number; cmd: number; payload: Uint8Array };

/** Collects reports and reassembles messages (keepalives included, as their own messages). */
export function collector(endpoint: CtapHidEndpoint) {
  const messages: ReceivedMessage[] = [];
  let partial: { cid: number; cmd: number; bcnt: number; data: number[] } | undefined;
  const reports: Uint8Array[] = [];
  endpoint.onReport((r) => {
    reports.push(r);
    const cid = new DataView(r.buffer, r.byteOffset).getUint32(0);
    if (r[4]! & 0x80) {
      const bcnt = (r[5]! << 8) | r[6]!;
      partial = { cid, cmd: r[4]! & 0x7f, bcnt, data: [...r.subarray(7, 7 + Math.min(57, bcnt))] };
    } else if (partial) {
      partial.data.push(...r.subarray(5, 5 + Math.min(59, partial.bcnt - partial.data.length)));
    }
    if (partial && partial.data.length >= partial.bcnt) {
      messages.push({ cid: partial.cid, cmd: partial.cmd, payload: Uint8Array.from(partial.data) });
      partial = undefined;
    }
  });
  return { messages, reports };
}

export const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise<void>((r) => setImmediate(r));
};

export async function allocateChannel(endpoint: CtapHidEndpoint, messages: ReceivedMessage[]) {
  const nonce = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
  endpoint.send(initPacket(0xffffffff, 0x06, 8, nonce));
  await flush();
  const reply = messages.pop()!;
  return new DataView(reply.payload.buffer, reply.payload.byteOffset).getUint32(8);
}
