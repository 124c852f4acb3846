import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonicalJson.ts';
import type { AuditContent, ChainHead, ChainLink } from './types.ts';

/**
 * The fields of a record the chain hash covers, in a form that survives any store round trip
 * (a store may drop a null member: absent and null hash alike).
 */
export function hashedContent(record: AuditContent): Record<string, unknown> {
  return {
    eventId: record.eventId,
    type: record.type,
    source: record.source,
    subject: record.subject ?? null,
    time: record.time.toISOString(),
    actor: record.actor,
    dataJson: record.dataJson,
    serial: record.serial ?? null,
    user: record.user ?? null,
    gatewayId: record.gatewayId ?? null,
    partition: record.partition,
    streamSeq: record.streamSeq,
    // Only when present, so records from before signed events still verify.
    ...(record.signer ? { signer: record.signer } : {}),
  };
}

/**
 * hash = SHA-256(canonical JSON of {record, index, prevHash}), hex. The index is inside the
 * hash so moving a record to another position is detected as surely as editing it.
 */
export function hashRecord(record: AuditContent, index: number, prevHash: string): string {
  const text = canonicalJson({ record: hashedContent(record), index, prevHash });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The link a record gets when appended after `head`. */
export function nextLink(record: AuditContent, head: Pick<ChainHead, 'index' | 'hash'>): ChainLink {
  const index = head.index + 1;
  return { index, prevHash: head.hash, hash: hashRecord(record, index, head.hash) };
}
