import { type AnyKeywardEvent, eventSubject, SUBJECTS } from '@keyward/contracts';
import {
  busContextOf,
  connectNats,
  createEventPublisher,
  createLogger,
  EVENT_SIGNATURE_HEADER,
  ensureEventStream,
  signEvent,
} from '@keyward/service-kit';
import {
  type MongoServer,
  type NatsServer,
  type OidcIssuer,
  startNats,
  startOidcIssuer,
  uniqueDbName,
} from '@keyward/test-harness';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import mongoose, { type Connection } from 'mongoose';
import { applyInventoryEvent } from '../src/domain/inventory/applyInventoryEvent.ts';
import type { InventoryRecord } from '../src/domain/inventory/types.ts';
import { streamInventory } from '../src/store/inventoryStore.ts';
import { createModels, type ReportingModels } from '../src/store/models.ts';

export const logger = createLogger({ name: 'reporting-test', level: 'silent' });

/** A private nats-server, a fresh database on the shared one, a JWT issuer, and clients to them. */
export interface Stack {
  nats: NatsServer;
  nc: NatsConnection;
  issuer: OidcIssuer;
  dbName: string;
  connection: Connection;
  models: ReportingModels;
  env: Record<string, string>;
  /** Publishes with Nats-Msg-Id (stored once); `duplicate` publishes a second stored copy. */
  publish(event: AnyKeywardEvent, options?: { duplicate?: boolean }): Promise<void>;
  /** Resolves when the durable has nothing pending and nothing unacknowledged. */
  drained(durable: string): Promise<boolean>;
  stop(): Promise<void>;
}

export async function startStack(db: MongoServer): Promise<Stack> {
  const nats = await startNats();
  const nc = await connectNats({
    url: nats.url,
    name: 'reporting-test',
    logger,
    credentialsFile: nats.credentialsFile('operator'),
  });
  await ensureEventStream(nc);
  const issuer = await startOidcIssuer({
    permissions: ['audit:read', 'report:read', 'device:read'],
  });
  const dbName = uniqueDbName('reporting');
  const connection = await mongoose.createConnection(db.url, { dbName }).asPromise();
  const models = createModels({ connection });
  const publisher = createEventPublisher(nc, { source: 'keyward/test', logger });
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  return {
    nats,
    nc,
    issuer,
    dbName,
    connection,
    models,
    env: {
      NATS_URL: nats.url,
      NATS_CREDENTIALS: nats.credentialsFile('reporting'),
      MONGO_URL: db.url,
      MONGO_DB: dbName,
      AUTH_ISSUER: issuer.issuer,
      AUTH_JWKS_URL: issuer.jwksUrl,
      REPORTING_ACK_WAIT_MS: '2000',
    },
    async publish(event, { duplicate = false } = {}) {
      if (!duplicate) return void (await publisher.publishEvent(event));
      // Without a message id, so the stream stores it twice; signed like any event.
      const subject = eventSubject(event.type);
      const payload = new TextEncoder().encode(JSON.stringify(event));
      const h = headers();
      h.set(EVENT_SIGNATURE_HEADER, signEvent(busContextOf(nc), subject, payload));
      await js.publish(subject, payload, { headers: h });
    },
    async drained(durable) {
      const info = await jsm.consumers.info(SUBJECTS.EVENTS_STREAM, durable).catch(() => null);
      return info !== null && info.num_pending === 0 && info.num_ack_pending === 0;
    },
    async stop() {
      await nc.drain().catch(() => undefined);
      await connection.close();
      await issuer.stop();
      await nats.stop();
    },
  };
}

/** The inventory the reducer gives for events applied in their given order. */
export function expectedInventory(events: readonly AnyKeywardEvent[]): InventoryRecord[] {
  const devices = new Map<string, InventoryRecord>();
  for (const e of events) {
    const r = applyInventoryEvent(r0(devices, e), e);
    if (r.changed) devices.set(r.serial, r.device);
  }
  return [...devices.values()].sort((a, b) => (a.serial < b.serial ? -1 : 1));
}

function r0(devices: Map<string, InventoryRecord>, e: AnyKeywardEvent): InventoryRecord | null {
  const probe = applyInventoryEvent(null, e);
  return probe.serial ? (devices.get(probe.serial) ?? null) : null;
}

export async function liveInventory(models: ReportingModels): Promise<InventoryRecord[]> {
  const out: InventoryRecord[] = [];
  for await (const d of streamInventory(models)) out.push(d);
  return out;
}
