import { describe, expect, it } from 'vitest';
import { buildHidReports, HidMessageAssembly, initResponse, parseHidReport } from './hidFrames.ts';

const hex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

describe('CTAPHID packet codec', () => {
  it('builds the INIT response of the libfido2 wire example (CID 0x00220002, version 5.2.1)', () => {
    const nonce = hex('80435640b14ed92d');
    const payload = initResponse(nonce, 0x00220002, [5, 2, 1]);
    const [report] = buildHidReports(0xffffffff, 0x06, payload);
    expect(Buffer.from(report!.subarray(0, 24)).toString('hex')).toBe(
      'ffffffff860011' + '80435640b14ed92d' + '00220002' + '02' + '050201' + '0d',
    );
  });

  it('splits 7609 bytes into 1 init + 128 continuation packets and refuses more', () => {
    expect(buildHidReports(1, 0x10, new Uint8Array(7609))).toHaveLength(129);
    expect(() => buildHidReports(1, 0x10, new Uint8Array(7610))).toThrow(/7609/);
  });

  it('reads init and continuation packets by bit 7 of byte 4', () => {
    const init = parseHidReport(hex(`00220002 90 0001 04 ${'00'.repeat(56)}`));
    expect(init).toMatchObject({ kind: 'init', cid: 0x00220002, cmd: 0x10, bcnt: 1 });
    const cont = parseHidReport(hex(`00220002 05 ${'00'.repeat(59)}`));
    expect(cont).toMatchObject({ kind: 'cont', cid: 0x00220002, seq: 5 });
  });

  it('reassembles a message split at every packet boundary and drops the padding', () => {
    const data = Uint8Array.from({ length: 200 }, (_, i) => i);
    const [first, ...rest] = buildHidReports(7, 0x01, data).map((r) => parseHidReport(r)!);
    if (first?.kind !== 'init') throw new Error('init expected');
    const a = new HidMessageAssembly(7, first.cmd, first.bcnt, first.data);
    const results = rest.map((p) => (p.kind === 'cont' ? a.add(p.seq, p.data) : 'bad-seq'));
    expect(results).toEqual(['more', 'more', 'complete']);
    expect(a.payload()).toEqual(data);
  });

  it('reports a continuation out of order as bad-seq', () => {
    const a = new HidMessageAssembly(7, 0x01, 200, new Uint8Array(57));
    expect(a.add(1, new Uint8Array(59))).toBe('bad-seq');
  });
});
