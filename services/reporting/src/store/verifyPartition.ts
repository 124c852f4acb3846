import { type ChainVerdict, createChainVerifier } from '../domain/audit/verifyChain.ts';
import { completeSlot, loadAnchor, loadChainHead } from './chainSlots.ts';
import type { AuditDoc, ReportingModels } from './models.ts';

export interface VerifyPartitionOptions {
  models: ReportingModels;
  partition: string;
}

/**
 * Walks one partition's chain from its anchor in index order with a database cursor and
 * reports the first broken link. The head record's link is finished first (the roll-forward
 * every appender does), so an append in flight is not reported as a break.
 */
export async function verifyPartition({
  models,
  partition,
}: VerifyPartitionOptions): Promise<ChainVerdict> {
  const { head, slot } = await loadChainHead(models, partition);
  await completeSlot(models, slot);
  const anchor = await loadAnchor(models, partition);
  const verifier = createChainVerifier({ partition, anchor });
  const cursor = models.audit
    .find({ partition, 'chain.index': { $gt: anchor.index } })
    .sort({ 'chain.index': 1 })
    .lean<AuditDoc[]>()
    .cursor();
  try {
    for await (const record of cursor) {
      const linked = record as AuditDoc;
      if (linked.chain && linked.chain.index > head.index) break; // appended after we started
      if (verifier.push(linked)) break;
    }
  } finally {
    await cursor.close();
  }
  return verifier.finish(head);
}
