import { type ChainAnchor, type ChainHead, GENESIS_HASH } from '../domain/audit/types.ts';
import type { ChainAnchorDoc, ChainSlotDoc, ReportingModels } from './models.ts';

export const GENESIS_ANCHOR: ChainAnchor = { index: 0, hash: GENESIS_HASH };

export function slotId(partition: string, index: number): string {
  return `${partition}:${index}`;
}

/** The newest claimed slot of a partition (its head), or null before the first record. */
export async function latestSlot(
  models: ReportingModels,
  partition: string,
): Promise<ChainSlotDoc | null> {
  return models.chainSlots.findOne({ partition }).sort({ index: -1 }).lean<ChainSlotDoc>();
}

/** Where verification starts: the retention anchor, or genesis. */
export async function loadAnchor(models: ReportingModels, partition: string): Promise<ChainAnchor> {
  const anchor = await models.chainAnchors.findById(partition).lean<ChainAnchorDoc>();
  return anchor ? { index: anchor.index, hash: anchor.hash } : GENESIS_ANCHOR;
}

/**
 * The head as the chain sees it: the newest slot, else the anchor (all records purged), else
 * genesis.
 */
export async function loadChainHead(
  models: ReportingModels,
  partition: string,
): Promise<{ head: ChainHead; slot: ChainSlotDoc | null }> {
  const slot = await latestSlot(models, partition);
  if (slot)
    return { head: { partition, index: slot.index, hash: slot.hash, eventId: slot.eventId }, slot };
  const anchor = await loadAnchor(models, partition);
  return { head: { partition, index: anchor.index, hash: anchor.hash, eventId: null }, slot: null };
}

/**
 * Roll-forward: writes a slot's link into its record if the consumer that claimed it has not
 * (crash, or still running). Writes the same value whoever does it, so it is idempotent.
 */
export async function completeSlot(
  models: ReportingModels,
  slot: ChainSlotDoc | null,
): Promise<void> {
  if (!slot) return;
  await models.audit.updateOne(
    { eventId: slot.eventId, chain: { $exists: false } },
    { $set: { chain: { index: slot.index, prevHash: slot.prevHash, hash: slot.hash } } },
  );
}

/** Every partition that has a chain. */
export async function listPartitions(models: ReportingModels): Promise<string[]> {
  const partitions = (await models.chainSlots.distinct('partition')) as string[];
  return partitions.sort();
}
