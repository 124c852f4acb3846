import { type AnyKeywardEvent, deviceEvents, SUBJECTS } from '@keyward/contracts';
import {
  type MongoServer,
  type NatsServer,
  startMongo,
  startNats,
  uniqueDbName,
} from '@keyward/test-harness';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachBusIdentity,
  type BusContext,
  busContextOf,
  connectMongo,
  consumeEvents,
  createBusContext,
  createEventPublisher,
  type DeadLetter,
  EVENT_SIGNATURE_HEADER,
  ensureEventStream,
  rosterBeside,
  signEvent,
} from '../src/index.ts';
import { captureLogger, deferred, deviceRef } from './support.ts';

let nats: NatsServer;
let mongo: MongoServer;
let nc: NatsConnection;
let db: Connection;
const { logger } = captureLogger();

beforeAll(async () => {
  [nats, mongo] = await Promise.all([startNats(), startMongo()]);
  nc = attachBusIdentity(
    await connect(nats.connectOptions('operator')),
    nats.credentialsFile('operator'),
  );
  await ensureEventStream(nc);
  db = await connectMongo({ url: mongo.url, dbName: uniqueDbName('kit_events'), logger });
});

afterAll(async () => {
  await db?.close();
  await nc?.close();
  await Promise.all([nats?.stop(), mongo?.stop()]);
});

const publisherFor = (conn: NatsConnection) =>
  createEventPublisher(conn, { source: 'keyward/test', logger });

/** Publishes raw bytes as an event, signed by `signer` (default this connection's identity). */
async function publishRaw(subject: string, text: string, signer: BusContext = busContextOf(nc)) {
  const payload = new TextEncoder().encode(text);
  const h = headers();
  h.set(EVENT_SIGNATURE_HEADER, signEvent(signer, subject, payload));
  await jetstream(nc).publish(subject, payload, { headers: h });
}

/** An idempotent handler: applies each event id once (unique _id upsert), counts applications. */
function idempotentApply(collection: string) {
  return async (event: AnyKeywardEvent) => {
    const result = await db
      .collection(collection)
      .updateOne(
        { _id: event.id as never },
        { $setOnInsert: { type: event.type } },
        { upsert: true },
      );
    return result.upsertedCount === 1;
  };
}

async function readDeadLetters(durable: string, count: number): Promise<DeadLetter[]> {
  // nats-server 2.9 has no multi-filter (ordered) consumers: a throwaway durable with one filter.
  const jsm = await jetstreamManager(nc);
  const reader = `read-${durable}`;
  await jsm.consumers.add(SUBJECTS.DLQ_STREAM, {
    durable_name: reader,
    filter_subject: `${SUBJECTS.DLQ_PREFIX}.${durable}`,
    ack_policy: AckPolicy.None,
  });
  const consumer = await jetstream(nc).consumers.get(SUBJECTS.DLQ_STREAM, reader);
  const letters: DeadLetter[] = [];
  for (let i = 0; i < count; i++) {
    const msg = await consumer.next({ expires: 10_000 });
    if (!msg)
      throw new Error(`expected ${count} dead letters for ${durable}, got ${letters.length}`);
    letters.push(msg.json<DeadLetter>());
  }
  return letters;
}

describe('event stream', () => {
  it('ensureEventStream is idempotent and creates the DLQ stream', async () => {
    await ensureEventStream(nc);
    await ensureEventStream(nc, { duplicateWindowMs: 60_000 });
    const jsm = await jetstreamManager(nc);
    expect((await jsm.streams.info(SUBJECTS.EVENTS_STREAM)).config.subjects).toEqual([
      SUBJECTS.EVENTS_ALL,
    ]);
    expect((await jsm.streams.info(SUBJECTS.DLQ_STREAM)).config.subjects).toEqual([
      SUBJECTS.DLQ_ALL,
    ]);
  });

  it('stores an event published twice with the same id once', async () => {
    const publisher = publisherFor(nc);
    const jsm = await jetstreamManager(nc);
    const before = (await jsm.streams.info(SUBJECTS.EVENTS_STREAM)).state.messages;
    const first = await publisher.publish(deviceEvents.reset, {
      actor: 'user:alice',
      data: deviceRef,
    });
    const second = await publisher.publishEvent(first.event);
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.seq).toBe(first.seq);
    expect((await jsm.streams.info(SUBJECTS.EVENTS_STREAM)).state.messages).toBe(before + 1);
  });
});

describe('consumeEvents', () => {
  it('dead-letters a malformed event with its reason and goes on with the next one', async () => {
    const durable = 'kit-malformed';
    await publishRaw('keyward.evt.device.reset', '{"not": "a cloudevent"');
    const good = await publisherFor(nc).publish(deviceEvents.reset, {
      actor: 'user:alice',
      data: deviceRef,
    });
    const seen = deferred<AnyKeywardEvent>();
    const consumer = await consumeEvents(nc, {
      durable,
      filterSubject: 'keyward.evt.device.reset',
      logger,
      handler: async (event) => {
        if (event.id === good.event.id) seen.resolve(event);
      },
    });
    try {
      expect((await seen.promise).id).toBe(good.event.id);
      const [letter] = await readDeadLetters(durable, 1);
      expect(letter!.reason.code).toBe('MALFORMED_EVENT');
      expect(letter!.reason.message).toMatch(/not JSON/);
      expect(letter!.raw).toBe('{"not": "a cloudevent"');
      expect(letter!.subject).toBe('keyward.evt.device.reset');
    } finally {
      await consumer.stop();
    }
  });

  it('dead-letters an unsigned event, and one signed by an identity that does not own the subject', async () => {
    const durable = 'kit-forged';
    const good = await publisherFor(nc).publish(deviceEvents.stocked, {
      actor: 'user:a',
      data: deviceRef,
    });
    const forged = JSON.stringify({ ...good.event, id: '01JD00000000000000000000YY' });
    await jetstream(nc).publish('keyward.evt.device.stocked', forged);
    // The identity service's own key, but device events are the gateway's.
    const file = nats.credentialsFile('identity');
    const identity = createBusContext(nats.credentials('identity'), rosterBeside(file));
    await publishRaw('keyward.evt.device.stocked', forged.replace('YY"', 'YZ"'), identity);
    const signers: string[] = [];
    const consumer = await consumeEvents(nc, {
      durable,
      filterSubject: 'keyward.evt.device.stocked',
      logger,
      handler: async (_event, ctx) => {
        signers.push(ctx.signer.name);
      },
    });
    try {
      const letters = await readDeadLetters(durable, 2);
      expect(letters.map((l) => l.reason)).toEqual([
        {
          code: 'EVENT_SIGNATURE_INVALID',
          message: 'event on keyward.evt.device.stocked is not signed',
        },
        {
          code: 'EVENT_SIGNATURE_INVALID',
          message: '"identity" (identity) does not own keyward.evt.device.stocked',
        },
      ]);
      expect(signers).toEqual(['operator']);
    } finally {
      await consumer.stop();
    }
  });

  it('dead-letters an event whose data breaks the contract, naming the field', async () => {
    const durable = 'kit-invalid';
    const event = (
      await publisherFor(nc).publish(deviceEvents.detached, { actor: 'user:a', data: deviceRef })
    ).event;
    const broken = {
      ...event,
      id: '01JD00000000000000000000ZZ',
      data: { ...event.data, serial: 7 },
    };
    await publishRaw('keyward.evt.device.detached', JSON.stringify(broken));
    const consumer = await consumeEvents(nc, {
      durable,
      filterSubject: 'keyward.evt.device.detached',
      logger,
      handler: async () => {},
    });
    try {
      const [letter] = await readDeadLetters(durable, 1);
      expect(letter!.reason).toMatchObject({ code: 'INVALID_EVENT' });
      expect(letter!.reason.message).toContain('data.serial');
    } finally {
      await consumer.stop();
    }
  });

  it('redelivers after a handler throws, and the idempotent handler applies the event once', async () => {
    const apply = idempotentApply('throwing');
    const { event } = await publisherFor(nc).publish(deviceEvents.tested, {
      actor: 'user:alice',
      data: { ...deviceRef, passed: true, durationMs: 12 },
    });
    const applied: boolean[] = [];
    const done = deferred<number>();
    const consumer = await consumeEvents(nc, {
      durable: 'kit-throwing',
      filterSubject: 'keyward.evt.device.tested',
      logger,
      retryDelayMs: 10,
      handler: async (received, ctx) => {
        applied.push(await apply(received));
        // Fails after its write on the first delivery: the write must not happen twice.
        if (ctx.deliveryCount === 1) throw new Error('crashed after writing');
        done.resolve(ctx.deliveryCount);
      },
    });
    try {
      expect(await done.promise).toBe(2);
      expect(applied).toEqual([true, false]);
      expect(await db.collection('throwing').countDocuments({ _id: event.id as never })).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it('gives an unacked event to the next consumer after the first one dies mid-handler', async () => {
    const durable = 'kit-crash';
    const apply = idempotentApply('crash');
    const { event } = await publisherFor(nc).publish(deviceEvents.unlocked, {
      actor: 'user:alice',
      data: { ...deviceRef, method: 'admin-pin', newPinSource: 'generated' },
    });
    const options = {
      durable,
      filterSubject: 'keyward.evt.device.unlocked',
      logger,
      ackWaitMs: 1_000,
    };

    // First process: writes, then hangs before the ack; then its connection dies.
    const doomed = attachBusIdentity(
      await connect(nats.connectOptions('operator')),
      nats.credentialsFile('operator'),
    );
    const wrote = deferred();
    const applied: boolean[] = [];
    await consumeEvents(doomed, {
      ...options,
      handler: async (received) => {
        applied.push(await apply(received));
        wrote.resolve();
        await new Promise(() => {});
      },
    });
    await wrote.promise;
    await doomed.close();

    // Second process: same durable, gets the event again after ack_wait.
    const again = deferred<number>();
    const survivor = await consumeEvents(nc, {
      ...options,
      handler: async (received, ctx) => {
        applied.push(await apply(received));
        again.resolve(ctx.deliveryCount);
      },
    });
    try {
      expect(await again.promise).toBe(2);
      expect(applied).toEqual([true, false]);
      expect(await db.collection('crash').countDocuments({ _id: event.id as never })).toBe(1);
    } finally {
      await survivor.stop();
    }
  });

  it('dead-letters an event whose handler keeps failing after maxDeliver attempts', async () => {
    const durable = 'kit-poison';
    const attempts: number[] = [];
    const consumer = await consumeEvents(nc, {
      durable,
      filterSubject: 'keyward.evt.device.reset',
      deliverPolicy: 'new',
      logger,
      maxDeliver: 3,
      retryDelayMs: 10,
      handler: async (_event, ctx) => {
        attempts.push(ctx.deliveryCount);
        throw new Error('always fails');
      },
    });
    // deliverPolicy "new" starts after the existing events: publish the poison after subscribing.
    const { event } = await publisherFor(nc).publish(deviceEvents.reset, {
      actor: 'user:bob',
      data: deviceRef,
    });
    try {
      const [letter] = await readDeadLetters(durable, 1);
      expect(letter!.reason).toEqual({ code: 'INTERNAL', message: 'handler failed: always fails' });
      expect(letter!.deliveries).toBe(3);
      expect(JSON.parse(letter!.raw).id).toBe(event.id);
      expect(attempts).toEqual([1, 2, 3]);
    } finally {
      await consumer.stop();
    }
  });
});
