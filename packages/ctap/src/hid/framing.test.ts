import { describe, expect, it } from 'vitest';
import { hex } from '../byteReader.ts';
import { CtapHidCmd } from '../constants.ts';
import { CtapError, DeviceBusyError, ProtocolError } from '../errors.ts';
import {
  cancelReport,
  encodeMessage,
  HidReassembler,
  hidErrorToException,
  parseInitResponse,
} from './framing.ts';

const pad = (h: string) => {
  const out = new Uint8Array(64);
  out.set(hex.decode(h));
  return out;
};

describe('CTAPHID framing', () => {
  it('parses the recorded INIT answer from libfido2 wiredata (reference §1.4)', () => {
    const report = pad('ffffffff 86 0011 80435640b14ed92d 00220002 02 05 02 01 05');
    const message = new HidReassembler(0xffffffff).push(report);
    expect(message?.cmd).toBe(CtapHidCmd.INIT);
    const init = parseInitResponse(hex.decode('80435640b14ed92d'), message!.payload);
    expect(init).toEqual({
      cid: 0x00220002,
      protocolVersion: 2,
      deviceVersion: [5, 2, 1],
      capabilities: 0x05,
    });
  });

  it('rejects an INIT answer whose nonce differs from the one sent', () => {
    const payload = hex.decode('80435640b14ed92d 00220002 02 05 02 01 05');
    expect(() => parseInitResponse(hex.decode('0000000000000000'), payload)).toThrow(ProtocolError);
  });

  it('reads the recorded UPNEEDED keepalive packet', () => {
    const message = new HidReassembler(0x00220002).push(pad('00220002 bb 0001 02'));
    expect(message).toEqual({
      cid: 0x00220002,
      cmd: CtapHidCmd.KEEPALIVE,
      payload: Uint8Array.of(2),
    });
  });

  it('splits a 597-byte message into init + continuation packets and reassembles it', () => {
    const payload = Uint8Array.from({ length: 597 }, (_, i) => i & 0xff);
    const reports = encodeMessage(0x01020304, CtapHidCmd.CBOR, payload);
    expect(reports).toHaveLength(1 + Math.ceil((597 - 57) / 59));
    expect(hex.encode(reports[0]!.subarray(0, 7))).toBe('01020304900255');
    expect(reports[1]![4]).toBe(0);
    expect(reports.at(-1)![4]).toBe(reports.length - 2);
    const r = new HidReassembler(0x01020304);
    const results = reports.map((rep) => r.push(rep));
    expect(results.slice(0, -1).every((m) => m === undefined)).toBe(true);
    expect(results.at(-1)?.payload).toEqual(payload);
  });

  it('handles a message ending exactly at a packet boundary (split frame)', () => {
    for (const length of [0, 57, 58, 57 + 59, 57 + 59 + 1, 7609]) {
      const payload = Uint8Array.from({ length }, (_, i) => (i * 7) & 0xff);
      const reports = encodeMessage(7, CtapHidCmd.CBOR, payload);
      const r = new HidReassembler(7);
      let last: ReturnType<HidReassembler['push']>;
      for (const rep of reports) last = r.push(rep);
      expect(last!.payload).toEqual(payload);
    }
  });

  it('refuses messages above 7609 bytes', () => {
    expect(() => encodeMessage(7, CtapHidCmd.CBOR, new Uint8Array(7610))).toThrow(TypeError);
  });

  it('names the sequence number when a continuation packet is out of order', () => {
    const reports = encodeMessage(7, CtapHidCmd.CBOR, new Uint8Array(200));
    const r = new HidReassembler(7);
    r.push(reports[0]!);
    expect(() => r.push(reports[2]!)).toThrow('ctaphid.seq: was 1, expected 0');
  });

  it('ignores packets of other channels and stale continuation packets', () => {
    const r = new HidReassembler(7);
    expect(r.push(encodeMessage(8, CtapHidCmd.CBOR, Uint8Array.of(1))[0]!)).toBeUndefined();
    expect(r.push(pad('00000007 03 00'))).toBeUndefined();
  });

  it('lets keepalives through in the middle of nothing but refuses a second init mid-message', () => {
    const reports = encodeMessage(7, CtapHidCmd.CBOR, new Uint8Array(100));
    const r = new HidReassembler(7);
    r.push(reports[0]!);
    expect(r.push(pad('00000007 bb 0001 01'))?.cmd).toBe(CtapHidCmd.KEEPALIVE);
    expect(() => r.push(encodeMessage(7, CtapHidCmd.CBOR, Uint8Array.of(0))[0]!)).toThrow(
      ProtocolError,
    );
  });

  it('builds the CANCEL packet python-fido2 sends (CID ‖ 0x91 ‖ 00 00, zero padded)', () => {
    expect(hex.encode(cancelReport(0x00220002))).toBe(`0022000291${'00'.repeat(59)}`);
  });

  it('maps CTAPHID_ERROR codes to typed errors', () => {
    expect(hidErrorToException(Uint8Array.of(0x06))).toBeInstanceOf(DeviceBusyError);
    const err = hidErrorToException(Uint8Array.of(0x04));
    expect(err).toBeInstanceOf(CtapError);
    expect((err as CtapError).statusName).toBe('CTAP1_ERR_INVALID_SEQ');
    expect(hidErrorToException(new Uint8Array(0))).toBeInstanceOf(ProtocolError);
  });
});
