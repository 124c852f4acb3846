import { parseEvent, SUBJECTS } from '@keyward/contracts';
import { busContextOf } from '@keyward/service-kit';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { projectInventoryEvent } from '../store/inventoryStore.ts';
import { createModels, ensureIndexes } from '../store/models.ts';
import { signerOf } from './signerOf.ts';

export interface RebuildInventoryOptions {
  nc: NatsConnection;
  connection: Connection;
  /** A fresh collection to build into; must be empty. */
  collection: string;
  logger: Logger;
}

export interface RebuildResult {
  collection: string;
  /** Stream messages read (up to the last sequence when the rebuild started). */
  events: number;
  devices: number;
  lastSequence: number;
}

/**
 * Rebuilds the inventory from scratch: an ordered (ephemeral) consumer reads KEYWARD_EVENTS
 * from the first message to the last one present at start, through the same projection the
 * live consumer uses, into a fresh collection. The reducer depends only on events (not on
 * arrival order or time of processing), so the result equals the live projection.
 * Unreadable events are skipped, as the live consumer dead-letters them.
 */
export async function rebuildInventory({
  nc,
  connection,
  collection,
  logger,
}: RebuildInventoryOptions): Promise<RebuildResult> {
  const models = createModels({ connection, inventoryCollection: collection });
  if ((await models.inventory.estimatedDocumentCount()) > 0) {
    throw new TypeError(`collection "${collection}" is not empty; rebuild needs a fresh one`);
  }
  await ensureIndexes(models);
  const jsm = await jetstreamManager(nc);
  const bus = busContextOf(nc);
  const { state } = await jsm.streams.info(SUBJECTS.EVENTS_STREAM);
  const lastSequence = state.last_seq;
  let events = 0;
  if (state.messages > 0) {
    const consumer = await jetstream(nc).consumers.get(SUBJECTS.EVENTS_STREAM, {
      filter_subjects: SUBJECTS.EVENTS_ALL,
    });
    const messages = await consumer.consume({ max_messages: 256 });
    for await (const msg of messages) {
      events += 1;
      // Only what the audit consumer would have projected: signed by the subject's owner.
      const parsed = signerOf(bus, msg) ? parseEvent(msg.data) : null;
      if (parsed?.ok) await projectInventoryEvent({ models, event: parsed.event });
      if (events % 1000 === 0) logger.info({ events, lastSequence }, 'rebuilding inventory');
      if (msg.info.streamSequence >= lastSequence) break;
    }
    await messages.close();
  }
  const devices = await models.inventory.countDocuments();
  return { collection, events, devices, lastSequence };
}
