import { KeywardError, SUBJECTS } from '@keyward/contracts';
import { type ConsumerConfig, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';

/**
 * Creates the durable consumer on KEYWARD_EVENTS, or brings an existing one to the caller's
 * settings. Safe when several replicas start together. A durable that exists with another
 * filter subject is a CONFLICT (the filter of a durable cannot change on nats-server 2.9).
 */
export async function ensureConsumer(
  nc: NatsConnection,
  config: Partial<ConsumerConfig> & { durable_name: string },
) {
  const jsm = await jetstreamManager(nc);
  const stream = SUBJECTS.EVENTS_STREAM;
  let existing = await jsm.consumers.info(stream, config.durable_name).catch(() => null);
  if (!existing) {
    // A replica starting at the same moment may create it first; then update it below.
    const created = await jsm.consumers.add(stream, config).then(
      () => true,
      () => false,
    );
    if (created) return;
    existing = await jsm.consumers.info(stream, config.durable_name);
  }
  if (existing.config.filter_subject !== config.filter_subject) {
    throw new KeywardError(
      'CONFLICT',
      `durable consumer "${config.durable_name}" exists with filter "${existing.config.filter_subject}", expected "${config.filter_subject}"`,
    );
  }
  // Only what this caller asked for and differs: replicas with equal options write nothing.
  const wanted = {
    ack_wait: config.ack_wait,
    max_deliver: config.max_deliver,
    ...(config.max_ack_pending === undefined ? {} : { max_ack_pending: config.max_ack_pending }),
  };
  const current = existing.config as unknown as Record<string, unknown>;
  const changed = Object.entries(wanted).some(([key, value]) => current[key] !== value);
  if (changed) await jsm.consumers.update(stream, config.durable_name, wanted);
}
