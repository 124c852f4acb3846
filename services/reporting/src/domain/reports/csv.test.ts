import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, toCsv, toJsonArray } from './csv.ts';

async function collect(gen: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of gen) out += chunk;
  return out;
}

describe('CSV', () => {
  it('quotes fields with comma, quote or line breaks and doubles quotes (RFC 4180)', () => {
    expect(csvRow(['a,b', 'say "hi"', 'two\nlines', 'plain'])).toBe(
      '"a,b","say ""hi""","two\nlines",plain\r\n',
    );
  });

  it.each(['=SUM(A1)', '+1', '-1+2', '@cmd', '\tx'])(
    'neutralises a formula-looking cell %j',
    (cell) => {
      expect(csvCell(cell).replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('writes numbers, booleans, dates and empties as values, not formulas', () => {
    expect(csvRow([-3, true, new Date('2026-01-01T00:00:00.000Z'), null, undefined])).toBe(
      '-3,true,2026-01-01T00:00:00.000Z,,\r\n',
    );
  });

  it('streams a header and rows', async () => {
    const cols = [
      { header: 'serial', value: (r: { s: string }) => r.s },
      { header: 'n', value: (r: { s: string }) => r.s.length },
    ];
    expect(await collect(toCsv(cols, [{ s: 'A' }, { s: '=B' }]))).toBe(
      "serial,n\r\nA,1\r\n'=B,2\r\n",
    );
    expect(JSON.parse(await collect(toJsonArray(cols, [{ s: 'A' }])))).toEqual([
      { serial: 'A', n: 1 },
    ]);
    expect(JSON.parse(await collect(toJsonArray(cols, [])))).toEqual([]);
  });
});
