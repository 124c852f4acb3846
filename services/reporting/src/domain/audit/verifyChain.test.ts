import { describe, expect, it } from 'vitest';
import { auditRecordFromEvent } from './auditRecordFromEvent.ts';
import { deviceEvent } from './fixtures.ts';
import { nextLink } from './hashRecord.ts';
import { type AuditRecord, type ChainHead, GENESIS_HASH } from './types.ts';
import { createChainVerifier } from './verifyChain.ts';

function buildChain(n: number): { records: AuditRecord[]; head: ChainHead } {
  let head: ChainHead = { partition: 'device', index: 0, hash: GENESIS_HASH, eventId: null };
  const records: AuditRecord[] = [];
  for (let i = 0; i < n; i++) {
    const content = auditRecordFromEvent({
      event: deviceEvent({
        id: `01JDEV00000000000000000${String(i).padStart(3, '0')}`,
        data: { serial: `SN-${i}` },
      }),
      streamSeq: i + 1,
    });
    const chain = nextLink(content, head);
    records.push({ ...content, chain });
    head = { partition: 'device', index: chain.index, hash: chain.hash, eventId: content.eventId };
  }
  return { records, head };
}

function verify(
  records: AuditRecord[],
  head: ChainHead,
  anchor = { index: 0, hash: GENESIS_HASH },
) {
  const verifier = createChainVerifier({ partition: 'device', anchor });
  for (const r of records) if (verifier.push(r)) break;
  return verifier.finish(head);
}

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    const { records, head } = buildChain(5);
    expect(verify(records, head)).toEqual({
      ok: true,
      partition: 'device',
      checked: 5,
      headIndex: 5,
    });
  });

  it('points at the edited record when content changes', () => {
    const { records, head } = buildChain(5);
    records[2] = { ...records[2]!, actor: 'user:mallory' };
    const verdict = verify(records, head);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.broken).toMatchObject({
        reason: 'HASH_MISMATCH',
        index: 3,
        eventId: records[2]!.eventId,
      });
    }
  });

  it('detects a record whose hash was recomputed after editing by the next link', () => {
    const { records, head } = buildChain(4);
    const edited = { ...records[1]!, dataJson: '{"serial":"forged"}' };
    edited.chain = nextLink(edited, { index: 1, hash: records[0]!.chain!.hash });
    records[1] = edited;
    const verdict = verify(records, head);
    expect(!verdict.ok && verdict.broken).toMatchObject({ reason: 'PREV_HASH_MISMATCH', index: 3 });
  });

  it('reports a deleted record as missing at its index', () => {
    const { records, head } = buildChain(4);
    records.splice(1, 1);
    const verdict = verify(records, head);
    expect(!verdict.ok && verdict.broken).toMatchObject({ reason: 'MISSING_RECORD', index: 2 });
  });

  it('detects records deleted from the end by comparing with the head', () => {
    const { records, head } = buildChain(4);
    const verdict = verify(records.slice(0, 3), head);
    expect(!verdict.ok && verdict.broken).toMatchObject({ reason: 'HEAD_MISMATCH', index: 4 });
  });

  it('reports a second record claiming an index', () => {
    const { records, head } = buildChain(3);
    const copy = { ...records[1]!, eventId: 'copy' };
    const verdict = verify([records[0]!, records[1]!, copy, records[2]!], head);
    expect(!verdict.ok && verdict.broken).toMatchObject({
      reason: 'DUPLICATE_INDEX',
      index: 2,
      eventId: 'copy',
    });
  });

  it('starts from the retention anchor after a purge', () => {
    const { records, head } = buildChain(5);
    const anchor = { index: 2, hash: records[1]!.chain!.hash };
    expect(verify(records.slice(2), head, anchor)).toMatchObject({ ok: true, checked: 3 });
  });
});
