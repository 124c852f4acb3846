/**
 * Seeds the reporting database with N keys and M audit events in the service's stored shape
 * (bench/src/seed/seedShapes.ts), by insertMany in large unordered batches, then builds the
 * service's indexes once at the end (cheaper than maintaining them per insert).
 *
 *   npm run seed -w bench -- --keys 100000 --events 1000000 --db <mongodb url> [--db-name keyward_reporting]
 *
 * The chain is complete (slots, members, a hint per partition), so GET /audit/verify passes and
 * the running service appends after the seeded head. Use a fresh database: ids are fixed.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import mongoose, { type Connection } from 'mongoose';
import { createModels, ensureIndexes } from '../../services/reporting/src/store/models.ts';
import { createAuditGenerator, seedInventoryDoc } from './seed/seedShapes.ts';

export interface SeedOptions {
  connection: Connection;
  keys: number;
  events: number;
  batch?: number;
  log?: (line: string) => void;
}

export interface SeedResult {
  keys: number;
  events: number;
  seconds: { inventory: number; audit: number; indexes: number };
}

export async function seedReporting({
  connection,
  keys,
  events,
  batch = 5_000,
  log = () => undefined,
}: SeedOptions): Promise<SeedResult> {
  const models = createModels({ connection });
  const insert = (c: mongoose.Model<never>, docs: unknown[]) =>
    docs.length ? c.collection.insertMany(docs as never[], { ordered: false }) : undefined;

  let t = performance.now();
  for (let from = 0; from < keys; from += batch) {
    const docs = [];
    for (let k = from; k < Math.min(keys, from + batch); k++) docs.push(seedInventoryDoc(k, keys));
    await insert(models.inventory as never, docs);
  }
  const inventorySeconds = (performance.now() - t) / 1000;
  log(`inventory: ${keys} documents in ${inventorySeconds.toFixed(1)} s`);

  t = performance.now();
  const generator = createAuditGenerator(keys);
  for (let from = 0; from < events; from += batch) {
    const b = generator.batch(from, Math.min(events, from + batch));
    // The three collections are independent: write them concurrently.
    await Promise.all([
      insert(models.audit as never, b.audit),
      insert(models.chainSlots as never, b.slots),
      insert(models.chainMembers as never, b.members),
    ]);
    if ((from / batch) % 20 === 19)
      log(
        `  audit: ${from + batch} events, ${((from + batch) / ((performance.now() - t) / 1000)).toFixed(0)}/s`,
      );
  }
  for (const [partition, head] of generator.heads)
    await models.chainHints.collection.insertOne({ _id: partition, index: head.index } as never);
  const auditSeconds = (performance.now() - t) / 1000;
  log(`audit: ${events} records (+ slots, members) in ${auditSeconds.toFixed(1)} s`);

  t = performance.now();
  await ensureIndexes(models);
  const indexSeconds = (performance.now() - t) / 1000;
  log(`indexes built in ${indexSeconds.toFixed(1)} s`);
  return {
    keys,
    events,
    seconds: { inventory: inventorySeconds, audit: auditSeconds, indexes: indexSeconds },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      keys: { type: 'string', default: '100000' },
      events: { type: 'string', default: '1000000' },
      db: { type: 'string', default: process.env.MONGO_URL },
      'db-name': { type: 'string', default: process.env.MONGO_DB ?? 'keyward_reporting' },
      batch: { type: 'string', default: '5000' },
    },
  });
  if (!values.db) {
    console.error(
      'usage: npm run seed -w bench -- --keys N --events M --db <mongodb url> [--db-name name]',
    );
    process.exit(2);
  }
  const connection = await mongoose
    .createConnection(values.db, { dbName: values['db-name'] })
    .asPromise();
  try {
    const existing = await connection.db!.collection('inventory').estimatedDocumentCount();
    if (existing > 0)
      throw new Error(`database ${values['db-name']} already has an inventory; seed a fresh one`);
    await seedReporting({
      connection,
      keys: Number(values.keys),
      events: Number(values.events),
      batch: Number(values.batch),
      log: (l) => console.log(l),
    });
  } finally {
    await connection.close();
  }
}
