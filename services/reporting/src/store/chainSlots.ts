import { type ChainAnchor, type ChainHead, GENESIS_HASH } from '../domain/audit/types.ts';
import type { ChainAnchorDoc, ChainSlotDoc, ReportingModels } from './models.ts';
import { isDuplicateKey } from './mongoErrors.ts';

export const GENESIS_ANCHOR: ChainAnchor = { index: 0, hash: GENESIS_HASH };

/** A hint is written every this many appends, bounding the probes of a cold start. */
export const HINT_EVERY = 64;

export function slotId(partition: string, index: number): string {
  return `${partition}:${index}`;
}

/** Where verification starts: the retention anchor, or genesis. */
export async function loadAnchor(models: ReportingModels, partition: string): Promise<ChainAnchor> {
  const anchor = await models.chainAnchors.findById(partition).lean<ChainAnchorDoc>();
  return anchor ? { index: anchor.index, hash: anchor.hash } : GENESIS_ANCHOR;
}

export interface LoadedHead {
  head: ChainHead;
  /** The head's slot (null at genesis or when every record was purged). */
  slot: ChainSlotDoc | null;
}

/**
 * The newest claimed slot of a partition, found by `_id` lookups only (FerretDB answers those
 * without scanning): from a known index (the hint, the anchor or a cached head) probe forward
 * until a slot is missing.
 */
export async function findHead(
  models: ReportingModels,
  partition: string,
  from?: LoadedHead,
): Promise<LoadedHead> {
  let current = from;
  if (!current) {
    const anchor = await loadAnchor(models, partition);
    const hint = await models.chainHints.findById(partition).lean<{ index: number }>();
    const start = Math.max(anchor.index, hint?.index ?? 0);
    const slot =
      start > anchor.index
        ? await models.chainSlots.findById(slotId(partition, start)).lean<ChainSlotDoc>()
        : null;
    current = slot
      ? { head: { partition, index: slot.index, hash: slot.hash, eventId: slot.eventId }, slot }
      : { head: { partition, index: anchor.index, hash: anchor.hash, eventId: null }, slot: null };
  }
  for (;;) {
    const next: ChainSlotDoc | null = await models.chainSlots
      .findById(slotId(partition, current.head.index + 1))
      .lean<ChainSlotDoc>();
    if (!next) return current;
    current = {
      head: { partition, index: next.index, hash: next.hash, eventId: next.eventId },
      slot: next,
    };
  }
}

/** Records the head index as a hint for cold starts (best effort, any order: only a start point). */
export async function writeHint(
  models: ReportingModels,
  partition: string,
  index: number,
): Promise<void> {
  await models.chainHints.updateOne({ _id: partition }, { $set: { index } }, { upsert: true });
}

/**
 * Roll-forward: records the head slot's member marker if the consumer that claimed the slot
 * has not (crash, or still running). An insert that may find the marker already there.
 */
export async function completeSlot(
  models: ReportingModels,
  slot: ChainSlotDoc | null,
): Promise<void> {
  if (!slot) return;
  try {
    await models.chainMembers.collection.insertOne({
      _id: slot.eventId,
      partition: slot.partition,
      index: slot.index,
    } as never);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/** Every partition that has a chain (each gets a hint with its first record). */
export async function listPartitions(models: ReportingModels): Promise<string[]> {
  const hints = await models.chainHints.find({}, { _id: 1 }).lean<{ _id: string }[]>();
  return hints.map((h) => h._id).sort();
}
