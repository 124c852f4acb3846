import { describe, expect, it } from 'vitest';
import { hex } from '../byteReader.ts';
import { CancelledError, ProtocolError, UnsupportedError } from '../errors.ts';
import {
  extendedApdu,
  nfcCtapExchange,
  nfcCtapMsgApdus,
  parseRapdu,
  selectFidoApdu,
  swToError,
  type Transmit,
} from './apdu.ts';

/** A scripted card: answers each APDU with the next reply, recording what it received. */
function script(replies: string[]) {
  const sent: string[] = [];
  const transmit: Transmit = async (apdu) => {
    sent.push(hex.encode(apdu));
    const reply = replies.shift();
    if (reply === undefined) throw new Error(`unexpected APDU ${hex.encode(apdu)}`);
    return hex.decode(reply);
  };
  return { sent, transmit };
}
const noSleep = async () => undefined;

describe('FIDO APDUs', () => {
  it('selects the FIDO AID', () => {
    expect(hex.encode(selectFidoApdu())).toBe('00a4040008a0000006472f000100');
  });

  it('sends getInfo as python-fido2 does (80 10 80 00 01 04 00)', () => {
    expect(nfcCtapMsgApdus(Uint8Array.of(0x04)).map(hex.encode)).toEqual([
      '8010800001' + '04' + '00',
    ]);
  });

  it('chains long requests with CLA 0x90 on all but the last APDU', () => {
    const apdus = nfcCtapMsgApdus(new Uint8Array(600)).map(hex.encode);
    expect(apdus).toHaveLength(3);
    expect(apdus[0]!.slice(0, 10)).toBe('90108000fa');
    expect(apdus[1]!.slice(0, 10)).toBe('90108000fa');
    expect(apdus[2]!.slice(0, 10)).toBe('8010800064');
    expect(apdus[2]!.endsWith('00')).toBe(true);
  });

  it('uses one extended APDU when asked', () => {
    const [apdu] = nfcCtapMsgApdus(new Uint8Array(300), { extended: true });
    expect(hex.encode(apdu!.subarray(0, 7))).toBe('80108000' + '00012c');
    expect(apdu!.length).toBe(7 + 300 + 2);
    expect(() => extendedApdu(0x80, 0x10, 0, 0, new Uint8Array(70000))).toThrow(TypeError);
  });

  it('accumulates 61xx GET RESPONSE parts (split frame)', async () => {
    const card = script(['00a1' + '6102', '0102' + '9000']);
    const out = await nfcCtapExchange(card.transmit, Uint8Array.of(0x04));
    expect(hex.encode(out)).toBe('00a10102');
    expect(card.sent[1]).toBe('00c0000002');
  });

  it('turns 9100 status updates into keepalives and polls with NFCCTAP_GETRESPONSE', async () => {
    const card = script(['02' + '9100', '02' + '9100', '01' + '9100', '00' + '9000']);
    const seen: number[] = [];
    const out = await nfcCtapExchange(card.transmit, Uint8Array.of(0x0b), {
      onKeepalive: (s) => seen.push(s),
      sleep: noSleep,
    });
    expect(hex.encode(out)).toBe('00');
    expect(seen).toEqual([2, 1]);
    expect(card.sent.slice(1)).toEqual(['8011000000', '8011000000', '8011000000']);
  });

  it('cancels the running request (GETRESPONSE P1 0x11) and drains it when the signal aborts', async () => {
    const card = script(['02' + '9100', '02' + '9100', '2d' + '9000']);
    const controller = new AbortController();
    const promise = nfcCtapExchange(card.transmit, Uint8Array.of(0x0b), {
      signal: controller.signal,
      onKeepalive: () => controller.abort(),
      sleep: noSleep,
    });
    await expect(promise).rejects.toBeInstanceOf(CancelledError);
    expect(card.sent.slice(1)).toEqual(['8011110000', '8011000000']);
  });

  it('maps status words to typed errors naming the SW', () => {
    expect(swToError(0x6a82, 'SELECT')).toBeInstanceOf(UnsupportedError);
    expect(swToError(0x6700, 'NFCCTAP_MSG').message).toBe(
      'NFCCTAP_MSG.sw: was 6700 (wrong length), expected 9000',
    );
    expect(() => parseRapdu(Uint8Array.of(0x90))).toThrow(ProtocolError);
  });

  it('refuses an empty success answer (no CTAP status byte)', async () => {
    await expect(nfcCtapExchange(script(['9000']).transmit, Uint8Array.of(4))).rejects.toThrow(
      'NFCCTAP_MSG.response: was empty',
    );
  });
});
