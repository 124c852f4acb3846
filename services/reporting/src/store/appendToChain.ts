import { KeywardError } from '@keyward/contracts';
import { nextLink } from '../domain/audit/hashRecord.ts';
import type { ChainLink } from '../domain/audit/types.ts';
import { completeSlot, loadChainHead, slotId } from './chainSlots.ts';
import type { AuditDoc, ReportingModels } from './models.ts';
import { isDuplicateKey } from './mongoErrors.ts';

export interface AppendToChainOptions {
  models: ReportingModels;
  /** The stored record to link (it must already be inserted). */
  eventId: string;
  partition: string;
  /** Claim retries under contention before giving up (the event is then redelivered). */
  maxAttempts?: number;
}

/**
 * Links a stored audit record into its partition's chain without transactions, safe under
 * concurrent consumers and crashes (docs/adr/0002-audit-chain.md):
 *
 * 1. read the head (newest slot); 2. finish the head record's link if missing (roll-forward),
 *    so nobody claims past a record whose link is not written; 3. re-read the record: linked
 *    already → done (redelivery); 4. claim slot index+1 by inserting it — the unique `_id`
 *    lets exactly one claimant win; lost → start again; 5. write the link into the record.
 */
export async function appendToChain({
  models,
  eventId,
  partition,
  maxAttempts = 100,
}: AppendToChainOptions): Promise<ChainLink> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const { head, slot } = await loadChainHead(models, partition);
    await completeSlot(models, slot);
    const record = await models.audit.findOne({ eventId }).lean<AuditDoc>();
    if (!record) throw new TypeError(`audit record ${eventId} must be stored before it is chained`);
    if (record.chain) return record.chain;
    // Hash what is stored: the first copy of an event wins, whatever this delivery carried.
    const link = nextLink(record, head);
    try {
      await models.chainSlots.create({
        _id: slotId(partition, link.index),
        partition,
        eventId,
        ...link,
      });
    } catch (error) {
      if (isDuplicateKey(error)) continue;
      throw error;
    }
    await models.audit.updateOne({ eventId, chain: { $exists: false } }, { $set: { chain: link } });
    return link;
  }
  throw new KeywardError(
    'CONFLICT',
    `audit chain "${partition}": lost the head ${maxAttempts} times in a row`,
    {
      details: { partition, eventId },
    },
  );
}
