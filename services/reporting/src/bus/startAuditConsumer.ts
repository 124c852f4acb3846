import { SUBJECTS } from '@keyward/contracts';
import { consumeEvents, type EventConsumer, type Logger } from '@keyward/service-kit';
import { AckPolicy, DeliverPolicy, jetstreamManager } from '@nats-io/jetstream';
import { type NatsConnection, nanos } from '@nats-io/nats-core';
import type { ReportingEventHandler } from './handleReportingEvent.ts';

export interface StartAuditConsumerOptions {
  nc: NatsConnection;
  durable: string;
  handler: ReportingEventHandler;
  logger: Logger;
  ackWaitMs?: number;
  /** Applied to the durable (created or updated); see REPORTING_MAX_ACK_PENDING. */
  maxAckPending?: number;
}

/**
 * The audit + inventory consumer on `keyward.evt.>` (service-kit's consumeEvents: one event at a
 * time per instance, dead-lettering what cannot be read). The durable is created here first so
 * its max_ack_pending can be set (service-kit's update keeps it): 1, the default, makes several
 * replicas take turns, which the inventory needs on FerretDB, whose conditional updates are not
 * atomic (docs/adr/0002-audit-chain.md). The audit chain is safe either way.
 */
export async function startAuditConsumer({
  nc,
  durable,
  handler,
  logger,
  ackWaitMs = 30_000,
  maxAckPending = 1,
}: StartAuditConsumerOptions): Promise<EventConsumer> {
  const jsm = await jetstreamManager(nc);
  const existing = await jsm.consumers.info(SUBJECTS.EVENTS_STREAM, durable).catch(() => null);
  if (existing && existing.config.max_ack_pending !== maxAckPending) {
    // A durable from an earlier configuration: the setting must hold for every replica now.
    await jsm.consumers.update(SUBJECTS.EVENTS_STREAM, durable, {
      max_ack_pending: maxAckPending,
    });
  }
  if (!existing) {
    await jsm.consumers
      .add(SUBJECTS.EVENTS_STREAM, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: SUBJECTS.EVENTS_ALL,
        ack_wait: nanos(ackWaitMs),
        max_ack_pending: maxAckPending,
        max_deliver: -1,
      })
      .catch(() => undefined); // a replica starting at the same time created it
  }
  return consumeEvents(nc, {
    durable,
    filterSubject: SUBJECTS.EVENTS_ALL,
    logger,
    ackWaitMs,
    handler: (event, ctx) =>
      handler(event, { streamSequence: ctx.streamSequence, signer: ctx.signer.name }),
  });
}
