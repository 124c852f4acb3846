import { completeSlot, latestSlot, listPartitions, loadAnchor } from './chainSlots.ts';
import type { AuditDoc, ReportingModels } from './models.ts';

export interface PurgeExpiredOptions {
  models: ReportingModels;
  /** Records with an event time before this are removed. */
  before: Date;
  /** Records examined per partition per call; run again to continue. Default 1000. */
  batchSize?: number;
}

/**
 * Retention without a TTL index (FerretDB has none, and a TTL would cut the chain anywhere):
 * per partition, removes the oldest run of linked records older than `before`, in chain order,
 * stopping at the first newer one. The anchor moves first (forwards only), then records and
 * their slots go, so a crash in between leaves records the verifier skips. The head slot is
 * always kept. Returns how many records were removed.
 */
export async function purgeExpired({
  models,
  before,
  batchSize = 1000,
}: PurgeExpiredOptions): Promise<number> {
  let removed = 0;
  for (const partition of await listPartitions(models)) {
    const head = await latestSlot(models, partition);
    await completeSlot(models, head);
    const anchor = await loadAnchor(models, partition);
    const candidates = await models.audit
      .find({ partition, 'chain.index': { $gt: anchor.index } })
      .sort({ 'chain.index': 1 })
      .limit(batchSize)
      .lean<AuditDoc[]>();
    let last: AuditDoc | undefined;
    for (const record of candidates) {
      const expectedIndex = (last?.chain?.index ?? anchor.index) + 1;
      if (record.time >= before || record.chain?.index !== expectedIndex) break;
      last = record;
    }
    if (!last?.chain) continue;
    // One purge runs at a time (the job's timer in one process); the anchor only moves forwards
    // because the prefix starts after the current anchor.
    await models.chainAnchors.updateOne(
      { _id: partition },
      { $set: { index: last.chain.index, hash: last.chain.hash } },
      { upsert: true },
    );
    const result = await models.audit.deleteMany({
      partition,
      'chain.index': { $lte: last.chain.index },
    });
    await models.chainSlots.deleteMany({
      partition,
      index: { $lt: Math.min(last.chain.index, head?.index ?? 0) },
    });
    removed += result.deletedCount;
  }
  return removed;
}
