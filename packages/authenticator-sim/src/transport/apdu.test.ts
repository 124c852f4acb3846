import { describe, expect, it } from 'vitest';
import { buildCommandApdu, parseCommandApdu, responseApdu } from './apdu.ts';

const hex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

describe('ISO 7816-4 APDU codec', () => {
  it('reads python-fido2’s SELECT without Le (case 3)', () => {
    expect(parseCommandApdu(hex('00A4040008A0000006472F0001'))).toEqual({
      cla: 0x00,
      ins: 0xa4,
      p1: 0x04,
      p2: 0x00,
      data: hex('A0000006472F0001'),
      le: undefined,
      extended: false,
    });
  });

  it('reads python-fido2’s getInfo probe 80 10 80 00 01 04 00 (case 4, Le 00 = 256)', () => {
    expect(parseCommandApdu(hex('80108000010400'))).toMatchObject({
      cla: 0x80,
      ins: 0x10,
      p1: 0x80,
      data: hex('04'),
      le: 256,
      extended: false,
    });
  });

  it('reads GET RESPONSE 00 C0 00 00 xx (case 2)', () => {
    expect(parseCommandApdu(hex('00C00000F0'))).toMatchObject({
      ins: 0xc0,
      le: 0xf0,
      data: hex(''),
    });
  });

  it('reads extended length with and without Le', () => {
    const data = new Uint8Array(300).fill(1);
    const withLe = parseCommandApdu(
      buildCommandApdu({ cla: 0x80, ins: 0x10, p1: 0, p2: 0, data, le: 0 }),
    );
    expect(withLe).toMatchObject({ extended: true, le: 65536 });
    expect(withLe?.data).toEqual(data);
    const noLe = parseCommandApdu(hex(`80108000 00012C ${'01'.repeat(300)}`));
    expect(noLe).toMatchObject({ extended: true, le: undefined });
  });

  it.each([
    ['too short', '801080'],
    ['Lc larger than the data', '8010800005 0102'],
    ['Lc 0', '8010800000 01'],
    ['extended Lc larger than the data', '80108000 000010 0102'],
  ])('refuses %s', (_, bytes) => {
    expect(parseCommandApdu(hex(bytes))).toBeUndefined();
  });

  it('appends SW1 SW2 to the response data', () => {
    expect(responseApdu(hex('0102'), 0x9000)).toEqual(hex('01029000'));
  });
});
