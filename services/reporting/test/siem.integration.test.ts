import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MongoServer, startMongo, tempDir } from '@keyward/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifecycleBurst } from './fixtures.ts';
import { spawnReporting, waitFor } from './reportingProcess.ts';
import { startStack } from './stack.ts';
import { startSyslogCollector } from './syslogCollector.ts';
import { createTlsCertificates } from './tlsCertificates.ts';

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

  it('over TLS sends only to a collector whose certificate chains to the configured CA, and loses nothing meanwhile', {
    timeout: 120_000,
  }, async () => {
    const stack = await startStack(db);
    const pki = await createTlsCertificates();
    const dir = tempDir('siem-tls');
    const caFile = join(dir.path, 'ca.pem');
    writeFileSync(caFile, pki.caPem);
    const collector = await startSyslogCollector({ tls: { cert: pki.certPem, key: pki.keyPem } });
    const siemEnv = {
      ...stack.env,
      SIEM_SYSLOG_HOST: '127.0.0.1',
      SIEM_SYSLOG_PORT: String(collector.port),
      SIEM_SYSLOG_TLS: 'true',
    };
    const failures = async (baseUrl: string) => {
      const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
      const m = /keyward_reporting_siem_failures_total\{[^}]*\} (\d+)/.exec(metrics);
      return m ? Number(m[1]) : 0;
    };
    try {
      const events = lifecycleBurst({ keys: 4 });
      for (const e of events) await stack.publish(e);
      // Trusting only the system CAs, the forwarder must refuse the test CA's certificate.
      const untrusting = await spawnReporting(siemEnv);
      try {
        await waitFor(
          'the refused TLS handshake',
          async () => (await failures(untrusting.baseUrl)) > 0,
        );
        expect(collector.messages).toEqual([]);
      } finally {
        await untrusting.proc.stop();
      }
      const trusting = await spawnReporting({ ...siemEnv, SIEM_SYSLOG_TLS_CA_FILE: caFile });
      try {
        const received = () => new Set(collector.messages.map((m) => externalId(m.message)));
        await waitFor('every event at the TLS collector', async () =>
          events.every((e) => received().has(e.id)),
        );
        expect(collector.messages[0]?.message).toMatch(/^CEF:0\|Keyward\|/);
      } finally {
        await trusting.proc.stop();
      }
    } finally {
      await collector.stop();
      await stack.stop();
      await dir.remove();
    }
  });
});
