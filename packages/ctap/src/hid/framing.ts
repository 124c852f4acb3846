/**
 * CTAPHID framing, pure (CTAP 2.1 §11.2.4): messages are cut into one init packet
 * (CID ‖ 0x80|CMD ‖ BCNT ‖ 57 bytes) and continuation packets (CID ‖ SEQ ‖ 59 bytes) of 64-byte
 * reports, and put back together with sequence checks. No I/O here; hidConnection.ts drives it.
 */
import { ByteReader, bytesEqual } from '../byteReader.ts';
import { CtapHidCmd, CtapHidError, CtapHidFrame } from '../constants.ts';
import { CtapError, DeviceBusyError, ProtocolError } from '../errors.ts';

const { REPORT_SIZE, INIT_DATA, CONT_DATA, MAX_MESSAGE } = CtapHidFrame;

export type HidMessage = { cid: number; cmd: number; payload: Uint8Array };

function writeCid(report: Uint8Array, cid: number): void {
  report[0] = (cid >>> 24) & 0xff;
  report[1] = (cid >>> 16) & 0xff;
  report[2] = (cid >>> 8) & 0xff;
  report[3] = cid & 0xff;
}

function readCid(report: Uint8Array): number {
  return ((report[0]! << 24) | (report[1]! << 16) | (report[2]! << 8) | report[3]!) >>> 0;
}

/** Splits a message into 64-byte reports (zero-padded). Throws TypeError above 7609 bytes. */
export function encodeMessage(cid: number, cmd: number, payload: Uint8Array): Uint8Array[] {
  if (payload.length > MAX_MESSAGE) {
    throw new TypeError(`CTAPHID message is ${payload.length} bytes, at most ${MAX_MESSAGE}`);
  }
  const init = new Uint8Array(REPORT_SIZE);
  writeCid(init, cid);
  init[4] = 0x80 | cmd;
  init[5] = (payload.length >> 8) & 0xff;
  init[6] = payload.length & 0xff;
  init.set(payload.subarray(0, INIT_DATA), 7);
  const reports = [init];
  for (let at = INIT_DATA, seq = 0; at < payload.length; at += CONT_DATA, seq++) {
    const cont = new Uint8Array(REPORT_SIZE);
    writeCid(cont, cid);
    cont[4] = seq;
    cont.set(payload.subarray(at, at + CONT_DATA), 5);
    reports.push(cont);
  }
  return reports;
}

/** CTAPHID_CANCEL for a channel: an init packet with BCNT 0; the key never answers it. */
export function cancelReport(cid: number): Uint8Array {
  return encodeMessage(cid, CtapHidCmd.CANCEL, new Uint8Array(0))[0]!;
}

/**
 * Reassembles one message on one channel. `push` returns the message when complete, undefined
 * while more packets are needed; packets for other channels are ignored (they belong to other
 * applications). A wrong sequence number or a malformed packet is a ProtocolError.
 */
export class HidReassembler {
  readonly #cid: number;
  #cmd = -1;
  #expected = 0;
  #seq = 0;
  #parts: Uint8Array[] = [];
  #received = 0;

  constructor(cid: number) {
    this.#cid = cid;
  }

  push(report: Uint8Array): HidMessage | undefined {
    if (report.length < 7) {
      throw new ProtocolError('ctaphid.packet', `was ${report.length} bytes, expected at least 7`);
    }
    if (readCid(report) !== this.#cid) return undefined;
    const byte4 = report[4]!;
    if (byte4 & 0x80) return this.#init(byte4 & 0x7f, report);
    return this.#continuation(byte4, report);
  }

  #init(cmd: number, report: Uint8Array): HidMessage | undefined {
    if (this.#cmd !== -1 && cmd !== CtapHidCmd.KEEPALIVE) {
      throw new ProtocolError('ctaphid.packet', 'a new init packet arrived mid-message');
    }
    const length = (report[5]! << 8) | report[6]!;
    if (length > MAX_MESSAGE) {
      throw new ProtocolError('ctaphid.bcnt', `was ${length}, at most ${MAX_MESSAGE}`);
    }
    const data = report.subarray(7, 7 + Math.min(length, INIT_DATA));
    if (data.length < Math.min(length, INIT_DATA)) {
      throw new ProtocolError('ctaphid.packet', `init packet too short for BCNT ${length}`);
    }
    if (length <= INIT_DATA || cmd === CtapHidCmd.KEEPALIVE) {
      return { cid: this.#cid, cmd, payload: new Uint8Array(data) };
    }
    this.#cmd = cmd;
    this.#expected = length;
    this.#seq = 0;
    this.#parts = [new Uint8Array(data)];
    this.#received = data.length;
    return undefined;
  }

  #continuation(seq: number, report: Uint8Array): HidMessage | undefined {
    // A continuation with no message open is stale traffic (CTAP 2.1 §11.2.4); ignore it.
    if (this.#cmd === -1) return undefined;
    if (seq !== this.#seq) {
      this.#cmd = -1;
      throw new ProtocolError('ctaphid.seq', `was ${seq}, expected ${this.#seq}`);
    }
    const take = Math.min(CONT_DATA, this.#expected - this.#received);
    const data = report.subarray(5, 5 + take);
    if (data.length < take) {
      this.#cmd = -1;
      throw new ProtocolError('ctaphid.packet', `continuation ${seq} too short`);
    }
    this.#parts.push(new Uint8Array(data));
    this.#received += take;
    this.#seq++;
    if (this.#received < this.#expected) return undefined;
    const payload = new Uint8Array(this.#expected);
    let at = 0;
    for (const part of this.#parts) {
      payload.set(part, at);
      at += part.length;
    }
    const message = { cid: this.#cid, cmd: this.#cmd, payload };
    this.#cmd = -1;
    this.#parts = [];
    return message;
  }
}

export type InitResponse = {
  cid: number;
  protocolVersion: number;
  deviceVersion: [number, number, number];
  capabilities: number;
};

/** Parses the 17-byte CTAPHID_INIT answer after checking the echoed nonce (§11.2.9.1.3). */
export function parseInitResponse(nonce: Uint8Array, payload: Uint8Array): InitResponse {
  const r = new ByteReader(payload, 'CTAPHID_INIT response');
  try {
    const echoed = r.bytesOf(8, 'nonce');
    if (!bytesEqual(echoed, nonce)) {
      throw new ProtocolError('ctaphid.init.nonce', 'does not match the nonce sent');
    }
    const cid = r.uint32('cid');
    if (cid === 0 || cid === CtapHidFrame.BROADCAST_CID) {
      throw new ProtocolError('ctaphid.init.cid', `0x${cid.toString(16)} is reserved`);
    }
    const protocolVersion = r.uint8('protocol version');
    const deviceVersion: [number, number, number] = [
      r.uint8('major'),
      r.uint8('minor'),
      r.uint8('build'),
    ];
    const capabilities = r.uint8('capabilities');
    return { cid, protocolVersion, deviceVersion, capabilities };
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError('ctaphid.init', (error as Error).message, { cause: error });
  }
}

/** Turns a CTAPHID_ERROR payload into the typed error to throw (§11.2.9.1.6). */
export function hidErrorToException(payload: Uint8Array): Error {
  const code = payload[0];
  if (code === undefined) return new ProtocolError('ctaphid.error', 'empty CTAPHID_ERROR payload');
  if (code === CtapHidError.CHANNEL_BUSY) return new DeviceBusyError();
  // CTAPHID error codes share their values with the CTAP1_ERR_* statuses.
  return new CtapError(code, { command: 'ctaphid' });
}
