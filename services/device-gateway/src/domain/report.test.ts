import { describe, expect, it } from 'vitest';
import { csvField, reportRows, toCsv } from './report.ts';
import { newSession } from './session.ts';

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('SN-0001')).toBe('SN-0001');
  });

  it('quotes fields with commas, quotes and line breaks, doubling inner quotes (RFC 4180 §2.6-2.7)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('l1\nl2')).toBe('"l1\nl2"');
    expect(csvField('l1\r\nl2')).toBe('"l1\r\nl2"');
  });

  it.each(['=1+1', '+1', '-2', '@SUM(A1)', '\tx'])('defuses formula-looking cell %j', (v) => {
    expect(csvField(v).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('guards and quotes a formula that also contains a comma', () => {
    expect(csvField('=HYPERLINK("x",1)')).toBe('"\'=HYPERLINK(""x"",1)"');
  });
});

describe('session report', () => {
  it('has one row per key, sorted by serial, with CRLF line ends and a header', () => {
    const s = newSession({
      id: 's',
      gatewayId: 'g',
      kind: 'configure',
      mode: 'selected',
      actor: 'user:a',
      policyId: 'p1',
      now: 'T',
    });
    s.keys.B = {
      deviceId: 'd2',
      serial: 'B',
      aaguid: 'A2',
      state: 'failed',
      completedSteps: [],
      error: { code: 'CTAP_ERROR', message: 'PIN_INVALID, retry' },
      startedAt: 't1',
      finishedAt: 't2',
    };
    s.keys.A = {
      deviceId: 'd1',
      serial: 'A',
      aaguid: 'A1',
      state: 'succeeded',
      completedSteps: ['setPin'],
      policyName: 'Std',
      policyVersion: 3,
      user: '=evil',
      startedAt: 't1',
      finishedAt: 't2',
    };
    const rows = reportRows(s);
    expect(rows.map((r) => r.serial)).toEqual(['A', 'B']);
    expect(rows[0]).toMatchObject({ policy: 'Std v3', outcome: 'succeeded', user: '=evil' });
    expect(rows[1]).toMatchObject({ policy: 'p1', error: 'CTAP_ERROR: PIN_INVALID, retry' });
    expect(toCsv(rows)).toBe(
      'serial,aaguid,policy,user,outcome,error,started,finished\r\n' +
        "A,A1,Std v3,'=evil,succeeded,,t1,t2\r\n" +
        'B,A2,p1,,failed,"CTAP_ERROR: PIN_INVALID, retry",t1,t2\r\n',
    );
  });
});
