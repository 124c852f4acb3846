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
  /** Set when the durable is created; see REPORTING_MAX_ACK_PENDING. */
  maxAckPending?: number;
}

/**
 * The audit + inventory consumer on `keyward.evt.>`. The durable is created with
 * max_ack_pending 1 before service-kit attaches to it (an update keeps that setting): one event
 * in flight across all replicas, in stream order. The inventory's read-modify-write relies on
 * that, because conditional updates are not atomic on FerretDB (docs/adr/0002-audit-chain.md).
 */
export async function startAuditConsumer({
  nc,
  durable,
  handler,
  logger,
  ackWaitMs = 30_000,
  maxAckPending = 1000,
}: StartAuditConsumerOptions): Promise<EventConsumer> {
  const jsm = await jetstreamManager(nc);
  const existing = await jsm.consumers.info(SUBJECTS.EVENTS_STREAM, durable).catch(() => null);
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
    handler: (event, ctx) => handler(event, { streamSequence: ctx.streamSequence }),
  });
}
