import {
  type AnyKeywardEvent,
  type BuildEventOptions,
  buildEvent,
  type EventDefinition,
  eventSubject,
  KeywardError,
  type KeywardEvent,
} from '@keyward/contracts';
import { jetstream } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import type { Logger } from 'pino';
import { injectTraceHeaders, inSpan, SpanKind } from '../telemetry/trace.ts';
import { busContextOf } from './busContext.ts';
import { EVENT_SIGNATURE_HEADER, signEvent } from './eventSignature.ts';

/** Options of {@link createEventPublisher}. */
export interface EventPublisherOptions {
  /** CloudEvents `source` of every event: `keyward/<service>[/<instance>]`. */
  source: string;
  logger: Logger;
  /** Default 5 000 ms to wait for the stream's acknowledgement. */
  timeoutMs?: number;
}

/** What {@link EventPublisher.publish} takes: the envelope fields a caller chooses. */
export type PublishInput<D extends EventDefinition> = Omit<
  BuildEventOptions<D['schema']>,
  'source' | 'traceparent'
>;

export interface PublishResult<E> {
  event: E;
  /** True when the stream already had this id (a retried publish): stored once. */
  duplicate: boolean;
  /** Stream sequence of the stored event. */
  seq: number;
}

export interface EventPublisher {
  /** Builds (validates), then publishes with Nats-Msg-Id = event id and trace context. */
  publish<D extends EventDefinition>(
    definition: D,
    input: PublishInput<D>,
  ): Promise<PublishResult<KeywardEvent<D>>>;
  /** Publishes an already built event again, e.g. a retry after a lost acknowledgement. */
  publishEvent<E extends AnyKeywardEvent | KeywardEvent>(event: E): Promise<PublishResult<E>>;
}

/**
 * The one way services put events on the bus, each signed by the connection's bus identity
 * (eventSignature.ts) so consumers can tell who published it. A failed publish throws UPSTREAM_UNAVAILABLE;
 * calling publishEvent with the same event is then safe (the stream dedupes by id).
 */
export function createEventPublisher(
  nc: NatsConnection,
  options: EventPublisherOptions,
): EventPublisher {
  const { source, logger, timeoutMs = 5_000 } = options;
  const js = jetstream(nc, { timeout: timeoutMs });
  const context = busContextOf(nc);

  async function send<E extends KeywardEvent>(
    event: E,
    subject: string,
    h = headers(),
  ): Promise<PublishResult<E>> {
    if (!h.has('traceparent')) injectTraceHeaders(h);
    const payload = new TextEncoder().encode(JSON.stringify(event));
    h.set(EVENT_SIGNATURE_HEADER, signEvent(context, subject, payload));
    try {
      const ack = await js.publish(subject, payload, { msgID: event.id, headers: h });
      logger.debug(
        { eventId: event.id, type: event.type, duplicate: ack.duplicate },
        'event published',
      );
      return { event, duplicate: ack.duplicate, seq: ack.seq };
    } catch (cause) {
      throw new KeywardError(
        'UPSTREAM_UNAVAILABLE',
        `event ${event.type} not stored by JetStream`,
        {
          details: { eventId: event.id },
          cause,
        },
      );
    }
  }

  return {
    publish(definition, input) {
      const attributes = {
        'messaging.system': 'nats',
        'messaging.destination.name': definition.subject,
      };
      return inSpan(
        `publish ${definition.subject}`,
        { kind: SpanKind.PRODUCER, attributes },
        () => {
          // The same trace context goes into the NATS header and the event's extension.
          const h = headers();
          const traceparent = injectTraceHeaders(h);
          const event = buildEvent(definition, {
            ...input,
            source,
            ...(traceparent ? { traceparent } : {}),
          } as BuildEventOptions<typeof definition.schema>);
          return send(event, definition.subject, h);
        },
      );
    },
    publishEvent(event) {
      return send(event as KeywardEvent, eventSubject(event.type)) as never;
    },
  };
}
