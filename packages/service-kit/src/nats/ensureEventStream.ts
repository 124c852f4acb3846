import { SUBJECTS } from '@keyward/contracts';
import {
  DiscardPolicy,
  type JetStreamManager,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream';
import { type NatsConnection, nanos } from '@nats-io/nats-core';
import { busContextOf } from './busContext.ts';

/** Options of {@link ensureEventStream}. */
export interface EnsureEventStreamOptions {
  /** Publishes with the same Nats-Msg-Id inside this window are stored once. Default 2 min. */
  duplicateWindowMs?: number;
  /** Age after which events are dropped from the stream; 0 keeps them. Default 0. */
  maxAgeMs?: number;
  /** Default 1; production runs R3. */
  replicas?: number;
}

/**
 * Creates or updates stream KEYWARD_EVENTS on `keyward.evt.>` and the dead-letter stream
 * KEYWARD_DLQ on `keyward.dlq.>`. Safe to call from every service at every start, concurrently.
 */
export async function ensureEventStream(
  nc: NatsConnection,
  options: EnsureEventStreamOptions = {},
): Promise<void> {
  const { duplicateWindowMs = 120_000, maxAgeMs = 0, replicas = 1 } = options;
  const jsm = await jetstreamManager(nc);
  // Any publisher may create the streams (start order is free); only their owner, reporting,
  // may change an existing one (bus-identity grants), so the others leave it as it is.
  const { role } = busContextOf(nc).identity;
  const owner = role === 'reporting' || role === 'operator';
  const common = {
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    num_replicas: replicas,
    duplicate_window: nanos(duplicateWindowMs),
  };
  await ensureStream(jsm, owner, {
    ...common,
    name: SUBJECTS.EVENTS_STREAM,
    subjects: [SUBJECTS.EVENTS_ALL],
    max_age: nanos(maxAgeMs),
  });
  await ensureStream(jsm, owner, {
    ...common,
    name: SUBJECTS.DLQ_STREAM,
    subjects: [SUBJECTS.DLQ_ALL],
    max_age: 0,
  });
}

async function ensureStream(
  jsm: JetStreamManager,
  owner: boolean,
  config: Partial<StreamConfig> & { name: string },
) {
  // Two services starting together may both see "not found"; the loser's add fails with
  // "already in use" and the update path then applies the same config.
  for (let attempt = 0; attempt < 3; attempt++) {
    const exists = await jsm.streams.info(config.name).then(
      () => true,
      () => false,
    );
    try {
      if (exists && !owner) return;
      if (exists) await jsm.streams.update(config.name, config);
      else await jsm.streams.add(config);
      return;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}
