/**
 * RFC 5424 syslog messages and RFC 6587 §3.4.1 octet-counted framing for TCP
 * (`MSG-LEN SP SYSLOG-MSG`, MSG-LEN the byte length of the message).
 */

/** RFC 5424 §6.2.1 facility 13 is "log audit". */
export const SYSLOG_FACILITY_LOG_AUDIT = 13;

/** RFC 5424 §6.2.1 Table 2 severities. */
export const SyslogSeverity = {
  emergency: 0,
  alert: 1,
  critical: 2,
  error: 3,
  warning: 4,
  notice: 5,
  informational: 6,
  debug: 7,
} as const;

/** CEF severity bands (0-3, 4-6, 7-8, 9-10) onto syslog severities. */
export function syslogSeverityFromCef(cef: number): number {
  if (cef >= 9) return SyslogSeverity.critical;
  if (cef >= 7) return SyslogSeverity.warning;
  if (cef >= 4) return SyslogSeverity.notice;
  return SyslogSeverity.informational;
}

export interface Syslog5424Message {
  facility: number;
  severity: number;
  timestamp: Date;
  hostname: string;
  appName: string;
  procId?: string | undefined;
  msgId: string;
  message: string;
}

/** RFC 5424 §6: header fields are PRINTUSASCII (33..126) with maximum lengths; empty is "-". */
function headerField(value: string | undefined, max: number): string {
  const clean = (value ?? '').replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return clean.length > 0 ? clean : '-';
}

export function formatSyslog5424(m: Syslog5424Message): string {
  if (!Number.isInteger(m.facility) || m.facility < 0 || m.facility > 23) {
    throw new TypeError(`facility: was ${m.facility}, expected 0..23`);
  }
  const pri = m.facility * 8 + m.severity;
  const header = [
    `<${pri}>1`,
    m.timestamp.toISOString(),
    headerField(m.hostname, 255),
    headerField(m.appName, 48),
    headerField(m.procId, 128),
    headerField(m.msgId, 32),
    '-', // no structured data
  ].join(' ');
  return `${header} ${m.message}`;
}

/** Frames one message for TCP transport: its UTF-8 byte length, a space, the bytes. */
export function frameOctetCounted(message: string): Buffer {
  const body = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length} `, 'ascii'), body]);
}

export interface OctetFrameParser {
  /** Feeds received bytes; returns the messages completed by them (frames may split anywhere). */
  push(chunk: Uint8Array): string[];
  /** Bytes received that do not yet form a whole frame. */
  pending(): number;
}

/** Incremental parser for octet-counted frames, for collectors and tests. */
export function createOctetFrameParser({ maxFrame = 1_048_576 } = {}): OctetFrameParser {
  let buffer = Buffer.alloc(0);
  return {
    push(chunk) {
      buffer = Buffer.concat([buffer, chunk]);
      const out: string[] = [];
      for (;;) {
        const space = buffer.indexOf(0x20);
        if (space === -1) {
          if (buffer.length > 10)
            throw new TypeError('octet-counted frame: no length prefix in the first 10 bytes');
          break;
        }
        const lengthText = buffer.subarray(0, space).toString('ascii');
        if (!/^[1-9][0-9]*$/.test(lengthText)) {
          throw new TypeError(
            `octet-counted frame: length was "${lengthText}", expected a positive decimal`,
          );
        }
        const length = Number(lengthText);
        if (length > maxFrame)
          throw new TypeError(`octet-counted frame: length ${length} exceeds ${maxFrame}`);
        if (buffer.length < space + 1 + length) break;
        out.push(buffer.subarray(space + 1, space + 1 + length).toString('utf8'));
        buffer = buffer.subarray(space + 1 + length);
      }
      return out;
    },
    pending: () => buffer.length,
  };
}

export interface ParsedSyslog5424 {
  pri: number;
  version: number;
  timestamp: string;
  hostname: string;
  appName: string;
  procId: string;
  msgId: string;
  structuredData: string;
  message: string;
}

/** Parses a 5424 message without structured data elements (what {@link formatSyslog5424} writes). */
export function parseSyslog5424(text: string): ParsedSyslog5424 {
  const m = /^<(\d{1,3})>(\d) (\S+) (\S+) (\S+) (\S+) (\S+) (-|\[.*?\]) ?(.*)$/s.exec(text);
  if (!m) throw new TypeError(`not an RFC 5424 message: "${text.slice(0, 60)}"`);
  return {
    pri: Number(m[1]),
    version: Number(m[2]),
    timestamp: m[3]!,
    hostname: m[4]!,
    appName: m[5]!,
    procId: m[6]!,
    msgId: m[7]!,
    structuredData: m[8]!,
    message: m[9]!,
  };
}
