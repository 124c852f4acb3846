import type { AuditContent } from '../audit/types.ts';
import { formatCef } from './formatCef.ts';

/**
 * CEF severity per event type, first match wins (0-3 low, 4-6 medium, 7-8 high, 9-10 very
 * high, per the CEF guide's severity bands). Failures and secret views rank above routine steps.
 */
export const CEF_SEVERITY_RULES = [
  { pattern: /(fail|error|rejected|tamper|dead)/, severity: 7 },
  { pattern: /pin.?(viewed|read)/, severity: 6 },
  { pattern: /(reset|revoked|unlock|locked|deleted)/, severity: 5 },
  { pattern: /./, severity: 3 },
] as const;

export function cefSeverity(type: string): number {
  return CEF_SEVERITY_RULES.find((r) => r.pattern.test(type))?.severity ?? 3;
}

/** "keyward.device.pin_viewed" → "device pin viewed". */
export function cefName(type: string): string {
  return type.replace(/^keyward\./, '').replace(/[._]/g, ' ');
}

export interface CefFromAuditRecordOptions {
  record: AuditContent;
  /** Keyward version for the header's Device Version. */
  productVersion: string;
}

/**
 * One audit record as a CEF line. Standard keys where CEF has one (rt, externalId, suser,
 * duser, msg), custom string labels for the rest. Data is the record's redacted JSON.
 */
export function cefFromAuditRecord({ record, productVersion }: CefFromAuditRecordOptions): string {
  return formatCef({
    vendor: 'Keyward',
    product: 'Keyward',
    version: productVersion,
    eventClassId: record.type,
    name: cefName(record.type),
    severity: cefSeverity(record.type),
    extensions: [
      ['rt', record.time.getTime()],
      ['externalId', record.eventId],
      ['suser', record.actor],
      ['duser', record.user],
      ['cs1Label', record.serial === null ? null : 'serial'],
      ['cs1', record.serial],
      ['cs2Label', record.gatewayId === null ? null : 'gateway'],
      ['cs2', record.gatewayId],
      ['cs3Label', 'source'],
      ['cs3', record.source],
      ['cs4Label', record.subject === null ? null : 'subject'],
      ['cs4', record.subject],
      ['msg', record.dataJson],
    ],
  });
}
