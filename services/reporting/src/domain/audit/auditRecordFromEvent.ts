import { canonicalJson } from '../canonicalJson.ts';
import { partitionOf } from './partitionOf.ts';
import { redactSecrets } from './redactSecrets.ts';
import type { AuditContent, ReportedEvent } from './types.ts';

export interface AuditRecordFromEventOptions {
  event: ReportedEvent;
  /** JetStream stream sequence of the delivering message. */
  streamSeq: number;
  /** The verified signer's bus identity. */
  signer?: string | undefined;
}

/**
 * Builds the audit record content for one event: secrets redacted, data frozen as canonical
 * JSON, and the query keys (serial, user, gateway) lifted out of the data.
 */
export function auditRecordFromEvent({
  event,
  streamSeq,
  signer,
}: AuditRecordFromEventOptions): AuditContent {
  const time = new Date(event.time);
  if (Number.isNaN(time.getTime())) {
    throw new TypeError(`event.time: was "${event.time}", expected an ISO 8601 date-time`);
  }
  const data = redactSecrets(event.data ?? null);
  return {
    eventId: event.id,
    type: event.type,
    source: event.source,
    subject: event.subject ?? null,
    time,
    actor: event.actor,
    dataJson: canonicalJson(data),
    serial: serialOf(event, data),
    user: userOf(data),
    gatewayId: gatewayOf(event, data),
    partition: partitionOf(event.type),
    streamSeq,
    signer: signer ?? null,
  };
}

function field(data: unknown, key: string): unknown {
  return data !== null && typeof data === 'object'
    ? (data as Record<string, unknown>)[key]
    : undefined;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Device events name the key by serial in data, in a nested `device`, or as the CE subject. */
export function serialOf(
  event: Pick<ReportedEvent, 'subject' | 'type'>,
  data: unknown,
): string | null {
  return (
    str(field(data, 'serial')) ??
    str(field(data, 'deviceSerial')) ??
    str(field(field(data, 'device'), 'serial')) ??
    (partitionOf(event.type) === 'device' ? str(event.subject) : null)
  );
}

/** A user appears as contracts' `userRef` (`{id, email?, ...}`; the IdP's id) or a plain id. */
export function userOf(data: unknown): string | null {
  const user = field(data, 'user');
  if (typeof user === 'string') return str(user);
  return str(field(user, 'id')) ?? str(field(data, 'userId'));
}

/** The gateway is named in data, or is the last segment of a `keyward/device-gateway/<id>` source. */
export function gatewayOf(event: Pick<ReportedEvent, 'source'>, data: unknown): string | null {
  const fromData = str(field(data, 'gatewayId'));
  if (fromData) return fromData;
  const match = /^keyward\/(?:device-gateway|gateway)\/([^/]+)$/.exec(event.source);
  return match?.[1] ?? null;
}
