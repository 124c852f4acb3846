import { decodeCtapMap } from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../authenticator/clock.ts';
import { presence } from '../authenticator/presence.ts';
import { createAuthenticator } from '../authenticator/virtualAuthenticator.ts';
import { buildCommandApdu } from './apdu.ts';
import { createFidoApplet } from './fidoApplet.ts';

const hex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const sw = (r: Uint8Array) => (r[r.length - 2]! << 8) | r[r.length - 1]!;
const data = (r: Uint8Array) => r.subarray(0, r.length - 2);
const SELECT = hex('00A4040008A0000006472F0001');

async function selected(options: { manual?: boolean } = {}) {
  const clock = createManualClock();
  const auth = createAuthenticator({
    clock,
    ...(options.manual ? { presence: presence.manual() } : {}),
  });
  await auth.ready();
  const applet = createFidoApplet(auth, { clock });
  const r = await applet.process(SELECT);
  expect(sw(r)).toBe(0x9000);
  return { applet, auth, clock };
}

describe('FIDO applet', () => {
  it('answers SELECT of the FIDO AID with "FIDO_2_0" 90 00', async () => {
    const auth = createAuthenticator();
    const applet = createFidoApplet(auth, { clock: createManualClock() });
    const r = await applet.process(SELECT);
    expect(Buffer.from(r).toString('hex')).toBe(`${Buffer.from('FIDO_2_0').toString('hex')}9000`);
  });

  it('answers an unknown AID with 6A 82 and an unknown INS with 6D 00', async () => {
    const { applet } = await selected();
    expect(sw(await applet.process(hex('80CC000000')))).toBe(0x6d00);
    expect(sw(await applet.process(hex('00A4040007A0000005272101')))).toBe(0x6a82);
    // Deselected now: CTAP messages need a new SELECT.
    expect(sw(await applet.process(hex('80108000010400')))).toBe(0x6985);
  });

  it('answers python-fido2’s getInfo probe, chaining the long answer with 61xx', async () => {
    const { applet } = await selected();
    let r = await applet.process(hex('80108000010400'));
    expect(sw(r) >> 8).toBe(0x61); // getInfo is longer than 256 bytes
    const parts = [data(r)];
    while (sw(r) >> 8 === 0x61) {
      r = await applet.process(Uint8Array.of(0x00, 0xc0, 0, 0, sw(r) & 0xff));
      parts.push(data(r));
    }
    expect(sw(r)).toBe(0x9000);
    const body = Buffer.concat(parts);
    expect(body[0]).toBe(0);
    expect(decodeCtapMap(body.subarray(1)).get(1)).toEqual(['FIDO_2_0', 'FIDO_2_1']);
  });

  it('splits a response longer than Le into 61xx chunks fetched with GET RESPONSE (CLA 00 and 80)', async () => {
    const { applet } = await selected();
    const first = await applet.process(hex('80108000010410')); // Le = 16
    expect(sw(first) >> 8).toBe(0x61);
    const parts = [data(first)];
    let last = first;
    let cla = 0x00;
    while (sw(last) >> 8 === 0x61) {
      last = await applet.process(Uint8Array.of(cla, 0xc0, 0, 0, sw(last) & 0xff));
      parts.push(data(last));
      cla ^= 0x80;
    }
    expect(sw(last)).toBe(0x9000);
    const full = Buffer.concat(parts);
    expect(decodeCtapMap(full.subarray(1)).get(3)).toBeInstanceOf(Uint8Array);
  });

  it('accepts a command chained over several APDUs (CLA 90 … 80)', async () => {
    const { applet } = await selected();
    // getPINRetries {1: 2, 2: 1} split after 3 bytes.
    const request = hex('06a201020201');
    const r1 = await applet.process(
      buildCommandApdu({ cla: 0x90, ins: 0x10, p1: 0x80, p2: 0, data: request.subarray(0, 3) }),
    );
    expect(Buffer.from(r1).toString('hex')).toBe('9000');
    const r2 = await applet.process(
      buildCommandApdu({ cla: 0x80, ins: 0x10, p1: 0x80, p2: 0, data: request.subarray(3), le: 0 }),
    );
    expect(Buffer.from(r2).toString('hex')).toBe('00a20308' + '04f4' + '9000');
  });

  it('answers an extended-length request with the whole response in one R-APDU', async () => {
    const { applet } = await selected();
    const r = await applet.process(
      buildCommandApdu({
        cla: 0x80,
        ins: 0x10,
        p1: 0x80,
        p2: 0,
        data: hex('04'),
        le: 0,
        extended: true,
      }),
    );
    expect(sw(r)).toBe(0x9000);
    expect(data(r).length).toBeGreaterThan(256);
  });

  it('sends 91 00 with status UPNEEDED while waiting for a touch, then the answer on NFCCTAP_GETRESPONSE', async () => {
    const { applet, auth } = await selected({ manual: true });
    const waiting = await applet.process(hex('801080000107' + '00')); // authenticatorReset
    expect(Buffer.from(waiting).toString('hex')).toBe('029100');
    const poll = applet.process(hex('8011000000'));
    await new Promise((r) => setImmediate(r));
    auth.touch();
    expect(Buffer.from(await poll).toString('hex')).toBe('009000');
  });

  it('polls 91 00 again while nobody touches, and cancels on GETRESPONSE P1=0x11', async () => {
    const { applet, clock } = await selected({ manual: true });
    await applet.process(hex('801080000107' + '00'));
    const poll = applet.process(hex('8011000000'));
    await clock.advance(100);
    expect(Buffer.from(await poll).toString('hex')).toBe('029100');
    const cancel = await applet.process(hex('8011110000'));
    expect(Buffer.from(cancel).toString('hex')).toBe('2d9000');
  });

  it('waits for the answer without 91 00 when the client did not set P1=0x80 (libfido2)', async () => {
    const { applet, auth } = await selected({ manual: true });
    const pending = applet.process(hex('801000000107' + '00'));
    await new Promise((r) => setImmediate(r));
    auth.touch();
    expect(Buffer.from(await pending).toString('hex')).toBe('009000');
  });

  it('answers malformed APDUs with 67 00 and GET RESPONSE without pending data with 69 85', async () => {
    const { applet } = await selected();
    expect(sw(await applet.process(hex('8010')))).toBe(0x6700);
    expect(sw(await applet.process(hex('00C0000000')))).toBe(0x6985);
  });

  it('reports a stable 4-byte UID for the PC/SC GET DATA pseudo-APDU', async () => {
    const { applet } = await selected();
    const a = await applet.process(hex('FFCA000000'));
    expect(sw(a)).toBe(0x9000);
    expect(data(a)).toHaveLength(4);
    expect(await applet.process(hex('FFCA000000'))).toEqual(a);
  });
});
