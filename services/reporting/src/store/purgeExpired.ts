import { findHead, listPartitions, loadAnchor, slotId } from './chainSlots.ts';
import type { AuditDoc, ChainSlotDoc, ReportingModels } from './models.ts';

export interface PurgeExpiredOptions {
  models: ReportingModels;
  /** Records with an event time before this are removed. */
  before: Date;
  /** Records examined per partition per call; run again to continue. Default 1000. */
  batchSize?: number;
}

/**
 * Retention without a TTL index (FerretDB has none, and a TTL would cut the chain anywhere):
 * per partition, removes the oldest run of records older than `before`, in chain order,
 * stopping at the first newer one and never at the head. The anchor (where verification
 * starts) moves first, then the records, their slots and markers go, so a crash in between
 * leaves only data the verifier no longer reads. Run by one process at a time (the purge job).
 * Returns how many records were removed.
 */
export async function purgeExpired({
  models,
  before,
  batchSize = 1000,
}: PurgeExpiredOptions): Promise<number> {
  let removed = 0;
  for (const partition of await listPartitions(models)) {
    const { head } = await findHead(models, partition);
    const anchor = await loadAnchor(models, partition);
    const expired: ChainSlotDoc[] = [];
    for (let index = anchor.index + 1; index < head.index && expired.length < batchSize; index++) {
      const slot = await models.chainSlots.findById(slotId(partition, index)).lean<ChainSlotDoc>();
      const record = slot
        ? await models.audit.findById(slot.eventId, { time: 1 }).lean<Pick<AuditDoc, 'time'>>()
        : null;
      if (!slot || !record || record.time >= before) break;
      expired.push(slot);
    }
    const last = expired.at(-1);
    if (!last) continue;
    await models.chainAnchors.updateOne(
      { _id: partition },
      { $set: { index: last.index, hash: last.hash } },
      { upsert: true },
    );
    const eventIds = expired.map((s) => s.eventId);
    const result = await models.audit.deleteMany({ _id: { $in: eventIds } });
    await models.chainMembers.deleteMany({ _id: { $in: eventIds } });
    await models.chainSlots.deleteMany({ _id: { $in: expired.map((s) => s._id) } });
    removed += result.deletedCount;
  }
  return removed;
}
