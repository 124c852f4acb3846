import { type MongoServer, startMongo } from '@keyward/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifecycleBurst } from './fixtures.ts';
import { spawnReporting, waitFor } from './reportingProcess.ts';
import { startStack } from './stack.ts';
import { startSyslogCollector } from './syslogCollector.ts';

let db: MongoServer;
beforeAll(async () => {
  db = await startMongo();
});
afterAll(async () => {
  await db?.stop();
});

const externalId = (cef: string) => /externalId=(\S+)/.exec(cef)?.[1];

describe('SIEM forwarding over syslog', () => {
  it('a collector that is down for a while receives every event once it is back', {
    timeout: 120_000,
  }, async () => {
    const stack = await startStack(db);
    const collector = await startSyslogCollector();
    const reporting = await spawnReporting({
      ...stack.env,
      SIEM_SYSLOG_HOST: '127.0.0.1',
      SIEM_SYSLOG_PORT: String(collector.port),
    });
    try {
      const events = lifecycleBurst({ keys: 12 });
      const before = events.slice(0, 10);
      const during = events.slice(10);
      const received = () => new Set(collector.messages.map((m) => externalId(m.message)));

      for (const e of before) await stack.publish(e);
      await waitFor('the first events at the collector', async () =>
        before.every((e) => received().has(e.id)),
      );

      await collector.stop();
      for (const e of during) await stack.publish(e);
      await waitFor('the audit consumer to store the events published during the outage', () =>
        stack.drained('reporting'),
      );
      await waitFor('the forwarder to notice the outage', async () => {
        const metrics = await (await fetch(`${reporting.baseUrl}/metrics`)).text();
        const failures = /keyward_reporting_siem_failures_total\{[^}]*\} (\d+)/.exec(metrics);
        return failures !== null && Number(failures[1]) > 0;
      });
      expect(during.some((e) => received().has(e.id))).toBe(false);

      await collector.start();
      await waitFor('every event at the collector', async () =>
        events.every((e) => received().has(e.id)),
      );

      const first = collector.messages[0]!;
      expect(first).toMatchObject({ pri: 13 * 8 + 6, version: 1, appName: 'keyward-reporting' });
      expect(first.message).toMatch(
        /^CEF:0\|Keyward\|Keyward\|0\.1\.0\|keyward\.device\.attached\|device attached\|3\|/,
      );
      // Frames arrive in stream order (a batch re-sent after reconnecting may repeat).
      const order = collector.messages.map((m) => externalId(m.message));
      const firstSeen = events.map((e) => order.indexOf(e.id));
      expect([...firstSeen].sort((a, b) => a - b)).toEqual(firstSeen);
    } finally {
      await reporting.proc.stop();
      await collector.stop();
      await stack.stop();
    }
  });
});
