import { hashRecord } from './hashRecord.ts';
import type { AuditRecord, ChainAnchor, ChainHead } from './types.ts';

export type ChainBreakReason =
  /** The record's content no longer gives its stored hash: it was edited. */
  | 'HASH_MISMATCH'
  /** The record does not point at its predecessor's hash: a record before it was replaced. */
  | 'PREV_HASH_MISMATCH'
  /** An index is missing: a record was deleted (or the chain was reordered). */
  | 'MISSING_RECORD'
  /** Two records claim the same index: one was copied or inserted. */
  | 'DUPLICATE_INDEX'
  /** The last record is not the head: records at the end were deleted, or the head was edited. */
  | 'HEAD_MISMATCH';

export interface ChainBreak {
  partition: string;
  reason: ChainBreakReason;
  /** Index where the chain breaks (the expected index for MISSING_RECORD). */
  index: number;
  /** The record at fault, when there is one. */
  eventId: string | null;
  message: string;
}

export type ChainVerdict =
  | { ok: true; partition: string; checked: number; headIndex: number }
  | { ok: false; partition: string; checked: number; broken: ChainBreak };

export interface ChainVerifier {
  /** Feed linked records in ascending chain index. Returns the first break once found. */
  push(record: AuditRecord): ChainBreak | null;
  /** Reports that the link or record at `index` is gone (a deletion). */
  missing(input: { index: number; eventId: string | null; what: string }): ChainBreak;
  /** Compare the end of the walk with the stored head. */
  finish(head: Pick<ChainHead, 'index' | 'hash'>): ChainVerdict;
}

export interface CreateChainVerifierOptions {
  partition: string;
  /** Where the walk starts: genesis `{index:0, hash:GENESIS_HASH}` or the retention anchor. */
  anchor: ChainAnchor;
}

/**
 * Streaming verification of one partition: records arrive one at a time (from a database
 * cursor), so memory stays constant however long the chain is. Stops at the first break.
 */
export function createChainVerifier({
  partition,
  anchor,
}: CreateChainVerifierOptions): ChainVerifier {
  let expectedIndex = anchor.index + 1;
  let prevHash = anchor.hash;
  let checked = 0;
  let broken: ChainBreak | null = null;

  const fail = (
    reason: ChainBreakReason,
    index: number,
    eventId: string | null,
    message: string,
  ) => {
    broken = { partition, reason, index, eventId, message };
    return broken;
  };

  return {
    push(record) {
      if (broken) return broken;
      const link = record.chain;
      if (!link)
        throw new TypeError(`record ${record.eventId} has no chain link; feed only linked records`);
      if (link.index <= anchor.index) return null; // purged range, kept by a crash mid-purge
      if (link.index < expectedIndex) {
        return fail(
          'DUPLICATE_INDEX',
          link.index,
          record.eventId,
          `record ${record.eventId} claims index ${link.index}, which another record already holds`,
        );
      }
      if (link.index > expectedIndex) {
        return fail(
          'MISSING_RECORD',
          expectedIndex,
          null,
          `record at index ${expectedIndex} is missing: next record found is index ${link.index} (${record.eventId})`,
        );
      }
      if (link.prevHash !== prevHash) {
        return fail(
          'PREV_HASH_MISMATCH',
          link.index,
          record.eventId,
          `record ${record.eventId} at index ${link.index} points at previous hash ${link.prevHash}, expected ${prevHash}`,
        );
      }
      const actual = hashRecord(record, link.index, link.prevHash);
      if (actual !== link.hash) {
        return fail(
          'HASH_MISMATCH',
          link.index,
          record.eventId,
          `record ${record.eventId} at index ${link.index} hashes to ${actual}, stored hash is ${link.hash}: content was modified`,
        );
      }
      checked += 1;
      expectedIndex += 1;
      prevHash = link.hash;
      return null;
    },
    missing({ index, eventId, what }) {
      return (
        broken ??
        fail(
          'MISSING_RECORD',
          index,
          eventId,
          `${what} at index ${index} is missing: it was deleted`,
        )
      );
    },
    finish(head) {
      if (!broken && (head.index !== expectedIndex - 1 || head.hash !== prevHash)) {
        fail(
          'HEAD_MISMATCH',
          expectedIndex,
          null,
          `chain ends at index ${expectedIndex - 1} (hash ${prevHash}) but head is index ${head.index} (hash ${head.hash})`,
        );
      }
      if (broken) return { ok: false, partition, checked, broken };
      return { ok: true, partition, checked, headIndex: head.index };
    },
  };
}
