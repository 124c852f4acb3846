/**
 * Pure CTAPHID packet codec (CTAP 2.1 §11.2.4): 64-byte reports, init packets
 * CID ‖ 0x80|CMD ‖ BCNT(2, BE) ‖ 57 data bytes, continuation packets CID ‖ SEQ ‖ 59 data bytes.
 */
import { CtapHidFrame } from '@keyward/ctap/internal';

export type HidPacket =
  | { kind: 'init'; cid: number; cmd: number; bcnt: number; data: Uint8Array }
  | { kind: 'cont'; cid: number; seq: number; data: Uint8Array };

/**
 * Reads one report. Accepts 64 bytes, or 65 with a leading zero report ID (Linux hidraw
 * writes); anything else is not a CTAPHID report (undefined).
 */
export function parseHidReport(report: Uint8Array): HidPacket | undefined {
  let r = report;
  if (r.length === CtapHidFrame.REPORT_SIZE + 1 && r[0] === 0) r = r.subarray(1);
  if (r.length !== CtapHidFrame.REPORT_SIZE) return undefined;
  const cid = ((r[0]! << 24) | (r[1]! << 16) | (r[2]! << 8) | r[3]!) >>> 0;
  const b4 = r[4]!;
  if (b4 & 0x80) {
    return { kind: 'init', cid, cmd: b4 & 0x7f, bcnt: (r[5]! << 8) | r[6]!, data: r.subarray(7) };
  }
  return { kind: 'cont', cid, seq: b4, data: r.subarray(5) };
}

function header(cid: number): Uint8Array {
  const report = new Uint8Array(CtapHidFrame.REPORT_SIZE);
  new DataView(report.buffer).setUint32(0, cid >>> 0);
  return report;
}

/** Splits a response into reports (zero-padded). Payloads over 7609 bytes are a caller bug. */
export function buildHidReports(cid: number, cmd: number, payload: Uint8Array): Uint8Array[] {
  if (payload.length > CtapHidFrame.MAX_MESSAGE) {
    throw new TypeError(`CTAPHID payload is ${payload.length} bytes, at most 7609`);
  }
  const first = header(cid);
  first[4] = 0x80 | cmd;
  first[5] = payload.length >> 8;
  first[6] = payload.length & 0xff;
  first.set(payload.subarray(0, CtapHidFrame.INIT_DATA), 7);
  const reports = [first];
  for (let at = CtapHidFrame.INIT_DATA, seq = 0; at < payload.length; seq++) {
    const cont = header(cid);
    cont[4] = seq;
    cont.set(payload.subarray(at, at + CtapHidFrame.CONT_DATA), 5);
    reports.push(cont);
    at += CtapHidFrame.CONT_DATA;
  }
  return reports;
}
