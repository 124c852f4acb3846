import { type ChainVerdict, createChainVerifier } from '../domain/audit/verifyChain.ts';
import { findHead, loadAnchor, slotId } from './chainSlots.ts';
import type { AuditDoc, ChainSlotDoc, ReportingModels } from './models.ts';

export interface VerifyPartitionOptions {
  models: ReportingModels;
  partition: string;
}

/**
 * Walks one partition's chain from its anchor to the head, slot by slot, each slot with its
 * record (all `_id` lookups), and reports the first broken link: an edited record, an edited or
 * missing slot, a deleted record. Constant memory however long the chain is.
 */
export async function verifyPartition({
  models,
  partition,
}: VerifyPartitionOptions): Promise<ChainVerdict> {
  const { head } = await findHead(models, partition);
  const anchor = await loadAnchor(models, partition);
  const verifier = createChainVerifier({ partition, anchor });
  for (let index = anchor.index + 1; index <= head.index; index++) {
    const slot = await models.chainSlots.findById(slotId(partition, index)).lean<ChainSlotDoc>();
    if (!slot) {
      verifier.missing({ index, eventId: null, what: `chain slot ${slotId(partition, index)}` });
      break;
    }
    const record = await models.audit.findById(slot.eventId).lean<AuditDoc>();
    if (!record) {
      verifier.missing({ index, eventId: slot.eventId, what: `audit record ${slot.eventId}` });
      break;
    }
    const link = { index: slot.index, prevHash: slot.prevHash, hash: slot.hash };
    if (verifier.push({ ...record, chain: link })) break;
  }
  return verifier.finish(head);
}
