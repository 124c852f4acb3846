/**
 * Console list pages at scale (issue 12): how fast the reporting service answers the Device
 * Inventory and the Event log — first page and each next page (cursor) — with 100 000 keys and
 * 1 000 000 audit events in the database, and which index each of the store's queries uses.
 *
 *   npm run bench -- pages [--keys 100000] [--events 1000000] [--samples 5] [--pages 5]
 *                          [--db <mongodb url> --db-name <name>]   (reuse a seeded database)
 *
 * Without --db it starts its own database (test-harness: FerretDB/SQLite here) and seeds it
 * (bench/src/seedInventory.ts). The reporting service runs as its own process against a real
 * nats-server and JWT issuer; requests carry a real token, exactly like the console's. Each
 * sample opens the first page and follows nextCursor for --pages − 1 more pages, page size 25
 * (the console's). Index use: the queries the store issues (inventoryQuery / auditQueryFilter
 * with the same sort, cursor condition and limit), explained by the database.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  freePort,
  spawnProcess,
  startMongo,
  startNats,
  startOidcIssuer,
  uniqueDbName,
} from '@keyward/test-harness';
import mongoose from 'mongoose';
import { inventoryQuery } from '../../services/reporting/src/store/inventoryStore.ts';
import { auditQueryFilter, decodeCursor } from '../../services/reporting/src/store/queryAudit.ts';
import { serialOfKey } from './seed/seedShapes.ts';
import { seedReporting } from './seedInventory.ts';

const { values } = parseArgs({
  options: {
    keys: { type: 'string', default: '100000' },
    events: { type: 'string', default: '1000000' },
    samples: { type: 'string', default: '5' },
    pages: { type: 'string', default: '5' },
    db: { type: 'string' },
    'db-name': { type: 'string' },
  },
});
const KEYS = Number(values.keys);
const EVENTS = Number(values.events);
const SAMPLES = Number(values.samples);
const PAGES = Number(values.pages);
const PAGE_SIZE = 25;
/** What this bench calls "quickly" for one REST page (the console adds rendering on top). */
const REST_P95_LIMIT_MS = 300;

interface Scenario {
  name: string;
  path: '/inventory' | '/audit';
  query: Record<string, string | string[]>;
}
const ASSIGNED = ['NOT_CONFIGURED', 'READY', 'CONFIGURED', 'ENROLLED', 'REVOKED'];
const SCENARIOS: Scenario[] = [
  { name: 'inventory, no filter', path: '/inventory', query: {} },
  { name: "inventory, 'assigned' tab", path: '/inventory', query: { status: ASSIGNED } },
  { name: 'inventory, status=ENROLLED', path: '/inventory', query: { status: 'ENROLLED' } },
  { name: 'inventory, q=user-00001 (user id)', path: '/inventory', query: { q: 'user-00001' } },
  { name: 'inventory, q=BK-00012 (serial)', path: '/inventory', query: { q: 'BK-00012' } },
  { name: 'audit, no filter', path: '/audit', query: {} },
  {
    name: 'audit, type=device.configured',
    path: '/audit',
    query: { type: 'keyward.device.configured' },
  },
  { name: 'audit, serial=<one key>', path: '/audit', query: { serial: serialOfKey(42) } },
  { name: 'audit, last hour (from)', path: '/audit', query: { from: 'LAST_HOUR' } },
];

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

function searchParams(query: Scenario['query'], cursor?: string): URLSearchParams {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const [key, value] of Object.entries(query))
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  if (cursor) params.set('cursor', cursor);
  return params;
}

/** The Mongo command the store issues for this page (kept in step with inventoryStore/queryAudit). */
function storeQuery(s: Scenario, cursor?: string) {
  if (s.path === '/inventory') {
    const { status, q } = s.query as { status?: string | string[]; q?: string };
    const filter = inventoryQuery({ status: status as never, q }) as Record<string, unknown>;
    if (cursor) filter._id = { $gt: cursor };
    return { collection: 'inventory', filter, sort: { _id: 1 } as Record<string, 1 | -1> };
  }
  const { type, serial, from } = s.query as Record<string, string | undefined>;
  const filter = auditQueryFilter({ type, serial, from: from ? new Date(from) : undefined });
  if (cursor) {
    const { t, id } = decodeCursor(cursor);
    const at = new Date(t);
    filter.$or = [{ time: { $lt: at } }, { time: at, eventId: { $lt: id } }];
  }
  return {
    collection: 'audit_records',
    filter,
    sort: { time: -1, eventId: -1 } as Record<string, 1 | -1>,
  };
}

/** The index names (or scan) a plan names: MongoDB's indexName / COLLSCAN, FerretDB's SQLite plan. */
function planSummary(explain: Record<string, unknown>): string {
  const names = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'indexName' && typeof x === 'string') names.add(`index ${x}`);
        else if (k === 'stage' && x === 'COLLSCAN') names.add('COLLSCAN');
        else walk(x);
      }
    } else if (typeof v === 'string' && /detail=/.test(v)) names.add(v.replace(/^.*detail=/, ''));
  };
  walk(explain.queryPlanner);
  const push =
    'filterPushdown' in explain
      ? ` (pushdown: filter ${explain.filterPushdown}, sort ${explain.sortPushdown}, limit ${explain.limitPushdown})`
      : '';
  return `${[...names].join(', ') || 'unknown'}${push}`;
}

async function main(): Promise<void> {
  console.log(`machine: ${os.cpus().length} CPUs, load average 1/5/15 min ${load()} at start`);
  const db = values.db ? undefined : await startMongo();
  const url = values.db ?? db!.url;
  const dbName = values['db-name'] ?? uniqueDbName('bench_pages');
  const nats = await startNats();
  const issuer = await startOidcIssuer({
    permissions: ['device:read', 'audit:read', 'report:read'],
  });
  const connection = await mongoose.createConnection(url, { dbName }).asPromise();
  let service: ReturnType<typeof spawnProcess> | undefined;
  try {
    const present = await connection.db!.collection('audit_records').estimatedDocumentCount();
    const inventory = await connection.db!.collection('inventory').estimatedDocumentCount();
    if (!values.db) {
      const seeded = await seedReporting({ connection, keys: KEYS, events: EVENTS });
      console.log(
        `seeded ${KEYS} keys in ${seeded.seconds.inventory.toFixed(0)} s, ${EVENTS} events in ${seeded.seconds.audit.toFixed(0)} s, indexes in ${seeded.seconds.indexes.toFixed(0)} s`,
      );
    }
    const events = values.db ? present : EVENTS;
    const keys = values.db ? inventory : KEYS;
    console.log(
      `database: ${db?.kind ?? 'given by --db'} "${dbName}", ${keys} keys, ${events} audit records`,
    );

    const port = await freePort();
    service = spawnProcess({
      name: 'reporting',
      command: process.execPath,
      args: [
        '--import',
        'tsx',
        fileURLToPath(new URL('../../services/reporting/src/main.ts', import.meta.url)),
      ],
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        HTTP_PORT: String(port),
        NATS_URL: nats.url,
        NATS_CREDENTIALS: nats.credentialsFile('reporting'),
        MONGO_URL: url,
        MONGO_DB: dbName,
        AUTH_ISSUER: issuer.issuer,
        AUTH_JWKS_URL: issuer.jwksUrl,
      },
    });
    const base = `http://127.0.0.1:${port}`;
    const tReady = performance.now();
    for (;;) {
      if (service.exitReason())
        throw new Error(`reporting ${service.exitReason()}:\n${service.output()}`);
      if (
        await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log(`reporting ready in ${((performance.now() - tReady) / 1000).toFixed(1)} s`);
    const headers = { authorization: `Bearer ${issuer.token({ sub: 'bench' })}` };
    const lastHour = new Date(
      Date.parse('2026-10-01T08:00:00Z') + events * 10 - 3_600_000,
    ).toISOString();

    async function page(s: Scenario, cursor?: string) {
      const query = { ...s.query, ...(s.query.from ? { from: lastHour } : {}) };
      const t = performance.now();
      const res = await fetch(`${base}${s.path}?${searchParams(query, cursor)}`, { headers });
      const body = (await res.json()) as { items: unknown[]; nextCursor: string | null };
      const ms = performance.now() - t;
      if (!res.ok) throw new Error(`${s.path} answered ${res.status}: ${JSON.stringify(body)}`);
      return { ms, items: body.items.length, next: body.nextCursor ?? undefined };
    }

    console.log(
      `\nREST, page size ${PAGE_SIZE}: ${SAMPLES} samples × (first page + up to ${PAGES - 1} next pages); limit: p95 < ${REST_P95_LIMIT_MS} ms`,
    );
    console.log(
      `  ${'scenario'.padEnd(36)}${'first p50'.padStart(10)}${'p95'.padStart(8)}${'next p50'.padStart(10)}${'p95'.padStart(8)}  rows  plan (first page | next page)`,
    );
    const verdicts: string[] = [];
    for (const s of SCENARIOS) {
      const effective = {
        ...s,
        query: { ...s.query, ...(s.query.from ? { from: lastHour } : {}) },
      };
      await page(s); // warm-up
      const first: number[] = [];
      const next: number[] = [];
      let rows = 0;
      let secondCursor: string | undefined;
      for (let i = 0; i < SAMPLES; i++) {
        let p = await page(s);
        first.push(p.ms);
        rows = p.items;
        for (let n = 1; n < PAGES && p.next; n++) {
          secondCursor ??= p.next;
          p = await page(s, p.next);
          next.push(p.ms);
        }
      }
      const plans: string[] = [];
      for (const cursor of [undefined, secondCursor]) {
        if (cursor === undefined && plans.length) break;
        const q = storeQuery(effective, cursor);
        const explain = await connection
          .db!.collection(q.collection)
          .find(q.filter as never)
          .sort(q.sort)
          .limit(PAGE_SIZE + 1)
          .explain();
        plans.push(planSummary(explain as Record<string, unknown>));
      }
      const f = [percentile(first, 0.5), percentile(first, 0.95)];
      const nx = [percentile(next, 0.5), percentile(next, 0.95)];
      const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');
      console.log(
        `  ${s.name.padEnd(36)}${fmt(f[0]!).padStart(10)}${fmt(f[1]!).padStart(8)}${fmt(nx[0]!).padStart(10)}${fmt(nx[1]!).padStart(8)}  ${String(rows).padStart(4)}  ${plans.join(' | ')}`,
      );
      const worst = Math.max(f[1]!, Number.isFinite(nx[1]!) ? nx[1]! : 0);
      if (worst >= REST_P95_LIMIT_MS) verdicts.push(`${s.name}: p95 ${worst.toFixed(0)} ms`);
    }
    console.log(
      verdicts.length
        ? `\nover the ${REST_P95_LIMIT_MS} ms limit: ${verdicts.length} of ${SCENARIOS.length} — ${verdicts.join('; ')}`
        : `\nall ${SCENARIOS.length} scenarios within p95 < ${REST_P95_LIMIT_MS} ms`,
    );
  } finally {
    await service?.stop();
    await connection.close();
    await issuer.stop();
    await nats.stop();
    await db?.stop();
  }
  console.log(
    `machine: load average 1/5/15 min ${load()} at the end (database, service and bench share it)`,
  );
  console.log(
    `reproduce: npm run bench -- pages --keys ${KEYS} --events ${EVENTS} --samples ${SAMPLES} --pages ${PAGES}` +
      '   (or seed once with `npm run seed -w bench -- --keys … --events … --db <url> --db-name <name>` and add --db <url> --db-name <name>)',
  );
}

await main();
process.exit(0);
