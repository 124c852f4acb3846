import {
  type AnyKeywardEvent,
  ERROR_CODES,
  isKeywardError,
  parseEvent,
  SUBJECTS,
  toErrorBody,
} from '@keyward/contracts';
import {
  AckPolicy,
  DeliverPolicy,
  type JetStreamClient,
  type JsMsg,
  jetstream,
} from '@nats-io/jetstream';
import { type NatsConnection, nanos } from '@nats-io/nats-core';
import type { Logger } from 'pino';
import { InFlight } from '../lifecycle/inFlight.ts';
import { redactString } from '../log/redact.ts';
import { contextFromHeaders, inSpan, SpanKind } from '../telemetry/trace.ts';
import { type BusContext, busContextOf } from './busContext.ts';
import { deadLetter } from './deadLetter.ts';
import { ensureConsumer } from './ensureConsumer.ts';
import { EVENT_SIGNATURE_HEADER, verifyEventSignature } from './eventSignature.ts';

/** What a handler gets besides the event. */
export interface EventContext {
  /** 1 on first delivery; higher after a nak, a crash or an ack timeout. */
  deliveryCount: number;
  streamSequence: number;
  subject: string;
  logger: Logger;
  /** The bus identity whose signature the event carries (verified before the handler runs). */
  signer: { name: string; role: string };
}

export type EventHandler = (event: AnyKeywardEvent, ctx: EventContext) => Promise<void>;

/** Options of {@link consumeEvents}. */
export interface ConsumeEventsOptions {
  /** Durable consumer name; also names the dead-letter subject `keyward.dlq.<durable>`. */
  durable: string;
  /** Default every event (`keyward.evt.>`). One subject (nats-server 2.9: no multi-filter). */
  filterSubject?: string;
  /** Must be idempotent by event id: a message can arrive more than once. */
  handler: EventHandler;
  logger: Logger;
  /** Deliveries before a failing event is dead-lettered. Default 5. */
  maxDeliver?: number;
  /** Unacked messages are redelivered after this long (a crashed consumer). Default 30 000. */
  ackWaitMs?: number;
  /** Delay before a failed event is retried, times the delivery count. Default 1 000 ms. */
  retryDelayMs?: number;
  /** Where a new durable starts. Default "all" (the whole stream). */
  deliverPolicy?: 'all' | 'new';
  /** Server-side limit of delivered-but-unacked messages. Default: the server's (1 000). */
  maxAckPending?: number;
  /** Messages pulled per request (client buffer). Default 16. */
  batch?: number;
}

export interface EventConsumer {
  /** Stops pulling, lets the running handler finish (ack or nak), then resolves. */
  stop(): Promise<void>;
}

/**
 * A durable pull consumer on KEYWARD_EVENTS with explicit acks, handling one event at a time in
 * stream order. Unreadable events (bad JSON, unknown type, invalid data) are dead-lettered with
 * the reason and acked; a throwing handler is retried (nak with delay) until `maxDeliver`, then
 * dead-lettered. Redelivery counting is done here, not by the server, so an event whose handler
 * crashes the process every time still ends in the DLQ instead of looping forever.
 */
export async function consumeEvents(
  nc: NatsConnection,
  options: ConsumeEventsOptions,
): Promise<EventConsumer> {
  const {
    durable,
    filterSubject = SUBJECTS.EVENTS_ALL,
    logger: baseLogger,
    maxDeliver = 5,
    ackWaitMs = 30_000,
    deliverPolicy = 'all',
    maxAckPending,
    batch = 16,
  } = options;
  const logger = baseLogger.child({ consumer: durable });
  await ensureConsumer(nc, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(ackWaitMs),
    filter_subject: filterSubject,
    deliver_policy: deliverPolicy === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
    max_deliver: -1,
    ...(maxAckPending === undefined ? {} : { max_ack_pending: maxAckPending }),
  });
  const js = jetstream(nc);
  const context = busContextOf(nc);
  const consumer = await js.consumers.get(SUBJECTS.EVENTS_STREAM, durable);
  const messages = await consumer.consume({ max_messages: batch });
  const inFlight = new InFlight();
  const loop = (async () => {
    for await (const msg of messages) {
      await inFlight.track(
        handleMessage(js, msg, { ...options, maxDeliver, ackWaitMs, logger, context }),
      );
    }
  })();
  loop.catch((error: unknown) =>
    logger.error({ err: error }, 'event consumer stopped unexpectedly'),
  );
  logger.info({ filterSubject }, 'consuming events');
  return {
    async stop() {
      await messages.close();
      await inFlight.idle();
    },
  };
}

async function handleMessage(
  js: JetStreamClient,
  msg: JsMsg,
  options: ConsumeEventsOptions & { maxDeliver: number; ackWaitMs: number; context: BusContext },
) {
  const { durable, handler, logger, maxDeliver, ackWaitMs, retryDelayMs = 1_000 } = options;
  const deliveryCount = msg.info.deliveryCount;
  // Who published it comes first: a forged event is dead-lettered before anything reads it.
  let signer: EventContext['signer'];
  try {
    const h = msg.headers?.get(EVENT_SIGNATURE_HEADER) || undefined;
    const entry = verifyEventSignature(options.context, msg.subject, msg.data, h);
    signer = { name: entry.name, role: entry.role };
  } catch (error) {
    return reject(js, msg, durable, logger, toErrorBody(error));
  }
  const parsed = parseEvent(msg.data);
  if (!parsed.ok) return reject(js, msg, durable, logger, toErrorBody(parsed.error));
  const { event } = parsed;
  if (deliveryCount > maxDeliver) {
    // Delivered again after the last allowed attempt: the handler never returned (crash).
    const reason = `handler did not finish after ${maxDeliver} deliveries (process crash or ack timeout)`;
    return reject(js, msg, durable, logger, { code: 'INTERNAL', message: reason });
  }
  const eventLogger = logger.child({ eventId: event.id, type: event.type, deliveryCount });
  const ctx: EventContext = {
    deliveryCount,
    streamSequence: msg.info.streamSequence,
    subject: msg.subject,
    logger: eventLogger,
    signer,
  };
  const parent = contextFromHeaders(msg.headers, event.traceparent);
  const attributes = { 'messaging.system': 'nats', 'messaging.destination.name': msg.subject };
  // While this process is alive and working, tell the server so; only a dead consumer's
  // message is redelivered after ack_wait.
  const heartbeat = setInterval(
    () => {
      try {
        msg.working();
      } catch {
        // Connection gone: the server will redeliver, which is the point.
      }
    },
    Math.max(100, Math.floor(ackWaitMs / 2)),
  );
  heartbeat.unref();
  try {
    await inSpan(`process ${msg.subject}`, { kind: SpanKind.CONSUMER, attributes, parent }, () =>
      handler(event, ctx),
    );
  } catch (error) {
    const body = toErrorBody(error);
    if (deliveryCount >= maxDeliver) {
      // The DLQ is for operators: keep the handler's (redacted) reason, not the generic text.
      const reason = isKeywardError(error)
        ? body
        : {
            code: body.code,
            message: `handler failed: ${redactString(String((error as Error)?.message ?? error))}`,
          };
      return reject(js, msg, durable, eventLogger, reason);
    }
    const level = ERROR_CODES[body.code].httpStatus >= 500 ? 'error' : 'warn';
    eventLogger[level]({ err: error }, 'event handler failed; will retry');
    msg.nak(retryDelayMs * deliveryCount);
    return;
  } finally {
    clearInterval(heartbeat);
  }
  await msg.ackAck().catch((error: unknown) => {
    // The ack was lost: the event comes again and the idempotent handler skips it.
    eventLogger.warn({ err: error }, 'ack not confirmed');
  });
}

async function reject(
  js: JetStreamClient,
  msg: JsMsg,
  durable: string,
  logger: Logger,
  reason: ReturnType<typeof toErrorBody>,
) {
  try {
    await deadLetter(js, { consumer: durable, msg, reason });
  } catch (error) {
    logger.error({ err: error, reason }, 'dead-letter publish failed; will retry the event');
    msg.nak(1_000);
    return;
  }
  logger.warn({ reason, streamSequence: msg.info.streamSequence }, 'event dead-lettered');
  msg.ack();
}
