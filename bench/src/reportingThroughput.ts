/**
 * Reporting throughput: events per second from publish to persisted audit record, with p50/p99
 * latency, on this machine, against a real nats-server and FerretDB/mongod (test-harness) and
 * the reporting service running as its own process.
 *
 *   node --import tsx bench/src/reportingThroughput.ts [--events 2000] [--paced-rate 0] [--keys 200]
 *
 * Phase 1 (saturation) publishes a burst as fast as JetStream takes it and measures how fast the
 * service stores it. Phase 2 (paced) publishes at a fixed rate (default: 60% of phase 1) so the
 * latency is the service's own, not queueing behind a backlog. Latency = record's recordedAt
 * (service clock) − publish time (same host clock).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type AnyKeywardEvent, buildEvent, deviceEvents } from '@keyward/contracts';
import {
  connectNats,
  createEventPublisher,
  createLogger,
  ensureEventStream,
} from '@keyward/service-kit';
import {
  freePort,
  spawnProcess,
  startMongo,
  startNats,
  startOidcIssuer,
  uniqueDbName,
} from '@keyward/test-harness';
import { jetstreamManager } from '@nats-io/jetstream';
import mongoose from 'mongoose';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '2000' },
    'paced-rate': { type: 'string', default: '0' },
    keys: { type: 'string', default: '200' },
  },
});
const total = Number(values.events);
const keys = Number(values.keys);

const logger = createLogger({ name: 'bench', level: 'silent' });
const main = fileURLToPath(new URL('../../services/reporting/src/main.ts', import.meta.url));

function makeEvents(n: number, offset: number): AnyKeywardEvent[] {
  const out: AnyKeywardEvent[] = [];
  for (let i = 0; i < n; i++) {
    const k = (offset + i) % keys;
    const serial = `BENCH-${String(k).padStart(6, '0')}`;
    const ref = {
      gatewayId: 'gw-bench',
      deviceId: `hid-${k}`,
      serial,
      aaguid: '00000000-0000-0000-0000-0000000000b1',
    };
    out.push(
      (offset + i) % 2 === 0
        ? buildEvent(deviceEvents.attached, {
            source: 'keyward/device-gateway/gw-bench',
            actor: 'service:bench',
            subject: serial,
            data: {
              ...ref,
              name: 'Bench Key',
              transport: 'usb',
              deviceType: 'usb-key',
              versions: ['FIDO_2_1'],
            },
          })
        : buildEvent(deviceEvents.configured, {
            source: 'keyward/device-gateway/gw-bench',
            actor: 'user:bench',
            subject: serial,
            data: {
              ...ref,
              policyId: 'p-bench',
              policyVersion: 1,
              steps: ['setPin'],
              pinSet: true,
            },
          }),
    );
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

const nats = await startNats();
const db = await startMongo();
const issuer = await startOidcIssuer();
const dbName = uniqueDbName('bench_reporting');
const port = await freePort();
const service = spawnProcess({
  name: 'reporting',
  command: process.execPath,
  args: ['--import', 'tsx', main],
  env: {
    ...process.env,
    LOG_LEVEL: 'warn',
    HTTP_PORT: String(port),
    NATS_URL: nats.url,
    NATS_CREDENTIALS: nats.credentialsFile('reporting'),
    MONGO_URL: db.url,
    MONGO_DB: dbName,
    AUTH_ISSUER: issuer.issuer,
    AUTH_JWKS_URL: issuer.jwksUrl,
  },
});
const nc = await connectNats({
  url: nats.url,
  name: 'bench',
  logger,
  credentialsFile: nats.credentialsFile('operator'),
});
await ensureEventStream(nc);
const publisher = createEventPublisher(nc, { source: 'keyward/bench', logger });
const jsm = await jetstreamManager(nc);
const connection = await mongoose.createConnection(db.url, { dbName }).asPromise();
const audit = connection.collection<{ eventId: string; recordedAt: Date }>('audit_records');

try {
  for (;;) {
    if (service.exitReason())
      throw new Error(`reporting ${service.exitReason()}:\n${service.output()}`);
    if (
      await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }

  async function run(events: AnyKeywardEvent[], ratePerSec: number) {
    const published = new Map<string, number>();
    const start = Date.now();
    for (const [i, e] of events.entries()) {
      if (ratePerSec > 0) {
        const due = start + (i * 1000) / ratePerSec;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      }
      published.set(e.id, Date.now());
      await publisher.publishEvent(e);
    }
    const publishedIn = Date.now() - start;
    const ids = [...published.keys()];
    // Poll the durable's counters, not the database: a query per poll would compete with the
    // service for the database (FerretDB scans for anything but _id lookups).
    for (;;) {
      const info = await jsm.consumers.info('KEYWARD_EVENTS', 'reporting');
      if (info.num_pending === 0 && info.num_ack_pending === 0) break;
      if (service.exitReason()) throw new Error(`reporting ${service.exitReason()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const records = await audit
      .find({ eventId: { $in: ids } }, { projection: { eventId: 1, recordedAt: 1 } })
      .toArray();
    if (records.length !== ids.length)
      throw new Error(`stored ${records.length} of ${ids.length} events`);
    const latencies = records
      .map((r) => r.recordedAt.getTime() - published.get(r.eventId)!)
      .sort((a, b) => a - b);
    const lastStored = Math.max(...records.map((r) => r.recordedAt.getTime()));
    const seconds = (lastStored - start) / 1000;
    return {
      events: events.length,
      publishedPerSec: events.length / (publishedIn / 1000),
      storedPerSec: events.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
    };
  }

  // Warm-up: indexes, JIT, connections.
  await run(makeEvents(100, 0), 0);
  const saturated = await run(makeEvents(total, 100), 0);
  const rate =
    Number(values['paced-rate']) || Math.max(1, Math.floor(saturated.storedPerSec * 0.6));
  const paced = await run(makeEvents(Math.min(total, rate * 20), 100 + total), rate);

  const row = (name: string, r: typeof saturated) =>
    `| ${name.padEnd(22)} | ${String(r.events).padStart(6)} | ${r.publishedPerSec.toFixed(0).padStart(9)} | ${r.storedPerSec.toFixed(1).padStart(8)} | ${String(r.p50).padStart(7)} | ${String(r.p99).padStart(7)} | ${String(r.max).padStart(7)} |`;
  console.log(
    `\nreporting throughput — publish → persisted audit record (${db.kind}, nats-server, reporting as a process)`,
  );
  console.log(
    '| phase                  | events | publish/s | stored/s | p50 ms  | p99 ms  | max ms  |',
  );
  console.log(
    '|------------------------|--------|-----------|----------|---------|---------|---------|',
  );
  console.log(row('saturation (burst)', saturated));
  console.log(row(`paced at ${rate}/s`, paced));
  const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const step = (name: string, kind: 'sum' | 'count') =>
    Number(
      new RegExp(
        `keyward_reporting_processing_seconds_${kind}\\{step="${name}"\\} ([0-9.e+-]+)`,
      ).exec(metrics)?.[1],
    );
  console.log('\nservice time per event by step (mean, ms):');
  for (const name of ['store', 'chain', 'inventory']) {
    console.log(
      `  ${name.padEnd(9)} ${((step(name, 'sum') / step(name, 'count')) * 1000).toFixed(1)}`,
    );
  }
  if (process.env.BENCH_DEBUG) console.log(service.output().slice(-6000));
  console.log(
    `\nreproduce: node --import tsx bench/src/reportingThroughput.ts --events ${total} --keys ${keys}`,
  );
} finally {
  await nc.drain().catch(() => undefined);
  await connection.close();
  await service.stop();
  await issuer.stop();
  await db.stop();
  await nats.stop();
}
