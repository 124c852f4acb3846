import { type MongoServer, startMongo, uniqueDbName } from '@keyward/test-harness';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportingEventHandler } from '../src/bus/handleReportingEvent.ts';
import { applyInventoryEvent } from '../src/domain/inventory/applyInventoryEvent.ts';
import type { InventoryRecord } from '../src/domain/inventory/types.ts';
import { listPartitions } from '../src/store/chainSlots.ts';
import { streamInventory } from '../src/store/inventoryStore.ts';
import { createModels, ensureIndexes, type ReportingModels } from '../src/store/models.ts';
import { purgeExpired } from '../src/store/purgeExpired.ts';
import { queryAudit } from '../src/store/queryAudit.ts';
import { verifyPartition } from '../src/store/verifyPartition.ts';
import { lifecycleBurst, shuffle } from './fixtures.ts';

let db: MongoServer;
const connections: Connection[] = [];

async function freshModels(): Promise<ReportingModels> {
  const connection = await mongoose
    .createConnection(db.url, { dbName: uniqueDbName('reporting') })
    .asPromise();
  connections.push(connection);
  const models = createModels({ connection });
  await ensureIndexes(models);
  return models;
}

beforeAll(async () => {
  db = await startMongo();
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await db?.stop();
});

describe('audit store and inventory against a real database', () => {
  // Chain claims are inserts on a unique _id, atomic even on FerretDB, so the chain survives
  // concurrent consumers. The inventory relies on one event in flight (max_ack_pending 1), so
  // it is checked with one consumer below.
  it('four concurrent consumers with duplicates and shuffled order store each event once in an intact chain', async () => {
    const models = await freshModels();
    const handle = createReportingEventHandler({ models });
    const events = lifecycleBurst({ keys: 12 });
    const deliveries = shuffle([...events, ...events.slice(0, 15)], 7).map((event, i) => ({
      event,
      seq: i + 1,
    }));
    const lanes = [0, 1, 2, 3].map((lane) => deliveries.filter((_, i) => i % 4 === lane));
    await Promise.all(
      lanes.map(async (lane) => {
        for (const d of lane) await handle(d.event, { streamSequence: d.seq });
      }),
    );

    expect(await models.audit.countDocuments()).toBe(events.length);
    expect(await models.chainMembers.countDocuments()).toBe(events.length);
    expect(await models.chainSlots.countDocuments()).toBe(events.length);
    for (const partition of await listPartitions(models)) {
      const verdict = await verifyPartition({ models, partition });
      expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: true });
    }
  });

  it('a shuffled stream with duplicates projects the same inventory as in-order delivery', async () => {
    const models = await freshModels();
    const handle = createReportingEventHandler({ models });
    const events = lifecycleBurst({ keys: 12 });
    const deliveries = shuffle([...events, ...events.slice(0, 15)], 11);
    for (const [i, e] of deliveries.entries()) await handle(e, { streamSequence: i + 1 });
    const expected = new Map<string, InventoryRecord>();
    for (const e of events) {
      const serial = (e.data as { serial: string }).serial;
      const r = applyInventoryEvent(expected.get(serial) ?? null, e);
      if (r.changed) expected.set(serial, r.device);
    }
    const live: InventoryRecord[] = [];
    for await (const d of streamInventory(models)) live.push(d);
    expect(live).toEqual([...expected.values()].sort((a, b) => (a.serial < b.serial ? -1 : 1)));
  });

  it('points verify at a record modified directly in the database', async () => {
    const models = await freshModels();
    const handle = createReportingEventHandler({ models });
    const events = lifecycleBurst({ keys: 4 });
    for (const [i, e] of events.entries()) await handle(e, { streamSequence: i + 1 });
    const victim = await models.chainSlots.findById('device:3').lean();
    await models.audit.collection.updateOne(
      { eventId: victim!.eventId },
      { $set: { actor: 'user:mallory' } },
    );

    const verdict = await verifyPartition({ models, partition: 'device' });
    expect(verdict).toMatchObject({
      ok: false,
      broken: { reason: 'HASH_MISMATCH', index: 3, eventId: victim!.eventId },
    });
    expect(await verifyPartition({ models, partition: 'enrollment' })).toMatchObject({ ok: true });
  });

  it('detects a deleted record by the gap it leaves', async () => {
    const models = await freshModels();
    const handle = createReportingEventHandler({ models });
    for (const [i, e] of lifecycleBurst({ keys: 3 }).entries())
      await handle(e, { streamSequence: i + 1 });
    const victim = await models.chainSlots.findById('device:2').lean();
    await models.audit.collection.deleteOne({ eventId: victim!.eventId });
    expect(await verifyPartition({ models, partition: 'device' })).toMatchObject({
      ok: false,
      broken: { reason: 'MISSING_RECORD', index: 2, eventId: victim!.eventId },
    });
  });

  it('purges expired records from the start of each chain and still verifies', async () => {
    const models = await freshModels();
    const handle = createReportingEventHandler({ models });
    const events = lifecycleBurst({ keys: 6 });
    for (const [i, e] of events.entries()) await handle(e, { streamSequence: i + 1 });
    const cutoff = new Date(events[Math.floor(events.length / 2)]!.time);
    const olderBefore = await models.audit.countDocuments({ time: { $lt: cutoff } });
    const removed = await purgeExpired({ models, before: cutoff });
    expect(removed).toBeGreaterThan(0);
    // Only expired records go, and only as a prefix of each chain (newer ones stop the purge).
    expect(await models.audit.countDocuments({ time: { $lt: cutoff } })).toBe(
      olderBefore - removed,
    );
    for (const partition of await listPartitions(models)) {
      const anchor = await models.chainAnchors.findById(partition).lean();
      const firstSlot = await models.chainSlots
        .findById(`${partition}:${(anchor?.index ?? 0) + 1}`)
        .lean();
      const first = firstSlot ? await models.audit.findById(firstSlot.eventId).lean() : null;
      if (first && anchor) expect(first.time >= cutoff).toBe(true);
      expect(await verifyPartition({ models, partition })).toMatchObject({ ok: true });
    }
  });

  it('pages the audit trail newest first with a cursor, filtered by serial', async () => {
    const models = await freshModels();
    const handle = createReportingEventHandler({ models });
    for (const [i, e] of lifecycleBurst({ keys: 6 }).entries())
      await handle(e, { streamSequence: i + 1 });
    const all = await models.audit.countDocuments({ serial: 'SN-00000' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryAudit({ models, filter: { serial: 'SN-00000' }, limit: 2, cursor });
      seen.push(...page.items.map((r) => r.eventId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(all);
    expect(new Set(seen).size).toBe(all);
    expect([...seen].sort().reverse()).toEqual(seen);
  });
});
