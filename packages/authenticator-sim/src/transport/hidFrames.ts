/**
 * Pure CTAPHID packet codec (CTAP 2.1 §11.2.4): 64-byte reports, init packets
 * CID ‖ 0x80|CMD ‖ BCNT(2, BE) ‖ 57 data bytes, continuation packets CID ‖ SEQ ‖ 59 data bytes.
 */
import { CtapHidCapability, CtapHidFrame } from '@keyward/ctap/internal';

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

/**
 * The 17-byte INIT response (CTAP 2.1 §11.2.9.1.3): nonce ‖ CID ‖ protocol 2 ‖ version ‖
 * capabilities. WINK and CBOR; NMSG because there is no CTAP1/U2F (CTAPHID_MSG).
 */
export function initResponse(
  nonce: Uint8Array,
  cid: number,
  version: readonly [number, number, number],
): Uint8Array {
  const out = new Uint8Array(17);
  out.set(nonce.subarray(0, 8), 0);
  new DataView(out.buffer).setUint32(8, cid >>> 0);
  out[12] = 2;
  out.set(version, 13);
  out[16] = CtapHidCapability.WINK | CtapHidCapability.CBOR | CtapHidCapability.NMSG;
  return out;
}

/** A message being received: the init packet's data, then continuation packets in order. */
export class HidMessageAssembly {
  readonly cid: number;
  readonly cmd: number;
  readonly bcnt: number;
  readonly #chunks: Uint8Array[];
  #received: number;
  #nextSeq = 0;

  constructor(cid: number, cmd: number, bcnt: number, first: Uint8Array) {
    this.cid = cid;
    this.cmd = cmd;
    this.bcnt = bcnt;
    this.#chunks = [new Uint8Array(first)];
    this.#received = first.length;
  }

  /** Adds a continuation: 'bad-seq' when SEQ is not the next one (CTAP 2.1 §11.2.4). */
  add(seq: number, data: Uint8Array): 'more' | 'complete' | 'bad-seq' {
    if (seq !== this.#nextSeq) return 'bad-seq';
    this.#nextSeq += 1;
    this.#chunks.push(new Uint8Array(data));
    this.#received += data.length;
    return this.#received < this.bcnt ? 'more' : 'complete';
  }

  /** The message payload, BCNT bytes (padding of the last packet dropped). */
  payload(): Uint8Array {
    const out = new Uint8Array(this.#received);
    let at = 0;
    for (const c of this.#chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out.subarray(0, this.bcnt);
  }
}
