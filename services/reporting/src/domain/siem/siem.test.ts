import { describe, expect, it } from 'vitest';
import { auditRecordFromEvent } from '../audit/auditRecordFromEvent.ts';
import { deviceEvent } from '../audit/fixtures.ts';
import { cefFromAuditRecord } from './cefFromAuditRecord.ts';
import { escapeCefExtension, escapeCefHeader, formatCef } from './formatCef.ts';
import {
  createOctetFrameParser,
  formatSyslog5424,
  frameOctetCounted,
  parseSyslog5424,
} from './syslog5424.ts';

describe('CEF', () => {
  it('escapes backslash and pipe in the header and flattens newlines', () => {
    expect(escapeCefHeader('a|b\\c\nd')).toBe('a\\|b\\\\c d');
  });

  it('escapes backslash, equals and newlines in extension values', () => {
    expect(escapeCefExtension('a=b\\c\nd\re')).toBe('a\\=b\\\\c\\nd\\re');
  });

  it('writes the header, severity and extensions in order, leaving out nulls', () => {
    expect(
      formatCef({
        vendor: 'Keyward',
        product: 'Keyward',
        version: '0.1.0',
        eventClassId: 'keyward.device.reset',
        name: 'device reset',
        severity: 5,
        extensions: [
          ['suser', 'user:a'],
          ['duser', null],
          ['msg', 'x=1'],
        ],
      }),
    ).toBe(
      'CEF:0|Keyward|Keyward|0.1.0|keyward.device.reset|device reset|5|suser=user:a msg=x\\=1',
    );
  });

  it('rejects a severity out of range', () => {
    expect(() =>
      formatCef({
        vendor: 'v',
        product: 'p',
        version: '1',
        eventClassId: 'c',
        name: 'n',
        severity: 11,
        extensions: [],
      }),
    ).toThrow('severity: was 11');
  });

  it('maps an audit record with its ids and redacted data', () => {
    const record = auditRecordFromEvent({
      event: deviceEvent({ data: { serial: 'SN|1', pin: '1234' } }),
      streamSeq: 3,
    });
    const line = cefFromAuditRecord({ record, productVersion: '0.1.0' });
    expect(line).toMatch(
      /^CEF:0\|Keyward\|Keyward\|0\.1\.0\|keyward\.device\.configured\|device configured\|3\|rt=\d+ /,
    );
    expect(line).toContain('externalId=01JDEV0000000000000000000A');
    expect(line).toContain('cs1Label=serial cs1=SN|1');
    expect(line).not.toContain('1234');
  });
});

describe('RFC 5424 over TCP with octet counting', () => {
  const message = formatSyslog5424({
    facility: 13,
    severity: 5,
    timestamp: new Date('2026-11-22T05:00:00.000Z'),
    hostname: 'report host',
    appName: 'keyward-reporting',
    msgId: 'keyward.device.configured',
    message: 'CEF:0|é',
  });

  it('writes PRI, version, timestamp and sanitised header fields', () => {
    expect(message).toBe(
      '<109>1 2026-11-22T05:00:00.000Z report_host keyward-reporting - keyward.device.configured - CEF:0|é',
    );
  });

  it('frames with the UTF-8 byte length, not the character count', () => {
    expect(frameOctetCounted('é').toString('utf8')).toBe('2 é');
  });

  it('parses frames split at any byte boundary', () => {
    const stream = Buffer.concat([frameOctetCounted(message), frameOctetCounted('second')]);
    for (let cut = 1; cut < stream.length; cut++) {
      const parser = createOctetFrameParser();
      const got = [...parser.push(stream.subarray(0, cut)), ...parser.push(stream.subarray(cut))];
      expect(got).toEqual([message, 'second']);
      expect(parser.pending()).toBe(0);
    }
  });

  it('rejects a frame without a decimal length', () => {
    expect(() => createOctetFrameParser().push(Buffer.from('<13>1 - - - - - - hi'))).toThrow(
      'length was "<13>1"',
    );
  });

  it('parses the message back into its fields', () => {
    expect(parseSyslog5424(message)).toMatchObject({
      pri: 109,
      version: 1,
      hostname: 'report_host',
      msgId: 'keyward.device.configured',
      message: 'CEF:0|é',
    });
  });
});
