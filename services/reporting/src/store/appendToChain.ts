import { KeywardError } from '@keyward/contracts';
import { nextLink } from '../domain/audit/hashRecord.ts';
import type { AuditContent, ChainLink } from '../domain/audit/types.ts';
import {
  completeSlot,
  findHead,
  HINT_EVERY,
  type LoadedHead,
  slotId,
  writeHint,
} from './chainSlots.ts';
import type { AuditDoc, ChainMemberDoc, ChainSlotDoc, ReportingModels } from './models.ts';
import { isDuplicateKey } from './mongoErrors.ts';

export interface AppendInput {
  partition: string;
  eventId: string;
  /** The record exactly as this call inserted it; absent when it was stored before (redelivery). */
  inserted?: AuditContent | undefined;
}

export interface ChainAppender {
  /** Links a stored record into its partition's chain; returns its link (the existing one on redelivery). */
  append(input: AppendInput): Promise<ChainLink>;
}

export interface CreateChainAppenderOptions {
  models: ReportingModels;
  /** Claim retries under contention before giving up (the event is then redelivered). */
  maxAttempts?: number;
}

/**
 * Appends audit records to their partition's chain with inserts only — no transaction, no
 * conditional update — safe under concurrent consumers and crashes (docs/adr/0002-audit-chain.md):
 *
 * 1. take the head (cached from this process's last append, else found by probing slots);
 * 2. make sure the head's member marker exists (roll-forward after a crash between 4 and 5), so
 *    every event behind the head is findable by id; 3. a record stored earlier (redelivery)
 *    that has a marker is linked already → done; 4. claim position index+1 by inserting its
 *    slot — the unique `_id` lets exactly one claimant win; lost → probe forward, start again;
 * 5. insert the member marker.
 */
export function createChainAppender({
  models,
  maxAttempts = 100,
}: CreateChainAppenderOptions): ChainAppender {
  /** Per partition: the last head seen, and whether its member marker is known to exist. */
  const heads = new Map<string, { loaded: LoadedHead; complete: boolean }>();

  return {
    async append({ partition, eventId, inserted }) {
      let cached = heads.get(partition);
      let fresh = inserted !== undefined;
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        const loaded = cached?.loaded ?? (await findHead(models, partition));
        if (!cached?.complete) await completeSlot(models, loaded.slot);
        let record: AuditContent | null = fresh ? (inserted ?? null) : null;
        if (!record) {
          const member = await models.chainMembers.findById(eventId).lean<ChainMemberDoc>();
          if (member) return linkAt(models, member);
          record = await models.audit.findById(eventId).lean<AuditDoc>();
          if (!record)
            throw new TypeError(`audit record ${eventId} must be stored before it is chained`);
        }
        // Hash what is stored: the first copy of an event wins, whatever this delivery carried.
        const link = nextLink(record, loaded.head);
        const slot: ChainSlotDoc = {
          _id: slotId(partition, link.index),
          partition,
          eventId,
          ...link,
        };
        try {
          await models.chainSlots.collection.insertOne(slot as never);
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          // Someone else moved the head, possibly with this very event (a parallel redelivery).
          cached = { loaded: await findHead(models, partition, loaded), complete: false };
          fresh = false;
          continue;
        }
        await completeSlot(models, slot);
        heads.set(partition, {
          loaded: { head: { partition, ...link, eventId }, slot },
          complete: true,
        });
        if (link.index === 1 || link.index % HINT_EVERY === 0)
          await writeHint(models, partition, link.index);
        return link;
      }
      heads.delete(partition);
      throw new KeywardError(
        'CONFLICT',
        `audit chain "${partition}": lost the head ${maxAttempts} times in a row`,
        {
          details: { partition, eventId },
        },
      );
    },
  };
}

async function linkAt(models: ReportingModels, member: ChainMemberDoc): Promise<ChainLink> {
  const slot = await models.chainSlots
    .findById(slotId(member.partition, member.index))
    .lean<ChainSlotDoc>();
  if (!slot)
    throw new KeywardError(
      'CONFLICT',
      `audit chain slot ${member.partition}:${member.index} is missing`,
    );
  return { index: slot.index, prevHash: slot.prevHash, hash: slot.hash };
}
