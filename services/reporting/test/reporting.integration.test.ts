import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  adminEvents,
  buildEvent,
  deviceEvents,
  reportingRequests,
  SUBJECTS,
} from '@keyward/contracts';
import { request } from '@keyward/service-kit';
import { type MongoServer, startMongo } from '@keyward/test-harness';
import { AckPolicy, DeliverPolicy, jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModels } from '../src/store/models.ts';
import { lifecycleBurst, ref, shuffle } from './fixtures.ts';
import { type ReportingProcess, spawnReporting, waitFor } from './reportingProcess.ts';
import { expectedInventory, liveInventory, type Stack, startStack } from './stack.ts';

let db: MongoServer;
beforeAll(async () => {
  db = await startMongo();
});
afterAll(async () => {
  await db?.stop();
});

describe('reporting service on real NATS and database', () => {
  let stack: Stack;
  let reporting: ReportingProcess;
  const events = lifecycleBurst({ keys: 20 });

  beforeAll(async () => {
    stack = await startStack(db);
    reporting = await spawnReporting(stack.env);
  });
  afterAll(async () => {
    await reporting?.proc.stop();
    await stack?.stop();
  });

  const get = (path: string, permissions?: string[]) =>
    fetch(`${reporting.baseUrl}${path}`, {
      headers: {
        authorization: `Bearer ${stack.issuer.token(permissions ? { permissions } : {})}`,
      },
    });

  it('stores a burst with duplicates and out-of-order delivery exactly once and projects the right inventory', {
    timeout: 120_000,
  }, async () => {
    const duplicates = new Set(events.filter((_, i) => i % 3 === 0));
    for (const event of shuffle([...events, ...duplicates], 3)) {
      const second =
        duplicates.has(event) && (await stack.models.audit.exists({ eventId: event.id })) !== null;
      await stack.publish(event, { duplicate: second || duplicates.has(event) });
    }
    await waitFor('the burst to be consumed', () => stack.drained('reporting'));

    expect(await stack.models.audit.countDocuments()).toBe(events.length);
    const stored = new Set(
      (await stack.models.audit.find({}, { eventId: 1 }).lean()).map((r) => r.eventId),
    );
    expect(stored).toEqual(new Set(events.map((e) => e.id)));
    expect(await liveInventory(stack.models)).toEqual(expectedInventory(events));

    const reply = await request(
      stack.nc,
      reportingRequests.inventoryGet,
      { serials: ['SN-00000', 'SN-00001', 'nope'] },
      { timeoutMs: 5_000 },
    );
    expect(reply).toMatchObject({
      ok: true,
      data: {
        devices: [
          { serial: 'SN-00000', status: 'CONFIGURED', policyId: 'p-strict', policyVersion: 3 },
          { serial: 'SN-00001', status: 'CONFIGURED', policyId: 'p-std' },
        ],
      },
    });
  });

  it('serves the audit trail and inventory over REST with permissions checked', async () => {
    const page = await get('/audit?serial=SN-00003&limit=2');
    expect(page.status).toBe(200);
    const body = (await page.json()) as { items: { serial: string }[]; nextCursor: string | null };
    expect(body.items).toHaveLength(2);
    expect(body.nextCursor).not.toBeNull();
    expect((await get('/audit', ['device:read'])).status).toBe(403);
    expect((await fetch(`${reporting.baseUrl}/audit`)).status).toBe(401);
    expect((await get('/audit?from=yesterday')).status).toBe(400);

    const enrolled = (await (await get('/inventory?status=ENROLLED')).json()) as {
      items: { serial: string }[];
    };
    expect(enrolled.items.map((d) => d.serial)).toEqual([
      'SN-00003',
      'SN-00006',
      'SN-00009',
      'SN-00012',
      'SN-00018',
    ]);
  });

  it('filters the inventory by any of several statuses and finds keys by serial or user prefix', async () => {
    const serials = async (path: string) =>
      ((await (await get(path)).json()) as { items: { serial: string }[] }).items.map(
        (d) => d.serial,
      );
    const either = await serials('/inventory?status=ENROLLED&status=CONFIGURED&limit=200');
    expect(either).toHaveLength(20);
    expect(await serials('/inventory?status=ENROLLED&status=IN_STOCK')).toEqual([
      'SN-00003',
      'SN-00006',
      'SN-00009',
      'SN-00012',
      'SN-00018',
    ]);
    // A user's e-mail in any case; a serial by its prefix.
    expect(await serials('/inventory?q=U1')).toEqual(['SN-00012', 'SN-00018']);
    expect(await serials('/inventory?q=SN-0001&status=ENROLLED')).toEqual(['SN-00012', 'SN-00018']);
    expect((await get('/inventory?status=LOST')).status).toBe(400);
  });

  it('issue 19: a 403 naming an unknown serial is audited but makes no inventory record; GET answers 404', async () => {
    await stack.publish(
      buildEvent(adminEvents.accessDenied, {
        source: 'keyward/policy',
        actor: 'user:mallory',
        subject: 'SN-GHOST',
        data: {
          service: 'policy',
          method: 'GET',
          path: '/devices/:serial/pins/user',
          resource: '/devices/SN-GHOST/pins/user',
          serial: 'SN-GHOST',
          permission: 'device:userpin:read',
        },
      }),
    );
    await waitFor('the refusal to be consumed', () => stack.drained('reporting'));
    expect(await stack.models.audit.countDocuments({ serial: 'SN-GHOST' })).toBe(1);
    const ghost = await get('/inventory/SN-GHOST');
    expect(ghost.status).toBe(404);
    expect(await ghost.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'no inventory record for serial SN-GHOST' },
    });
    expect((await get('/inventory/SN-00000')).status).toBe(200);
  });

  it('streams reports as CSV and JSON and audits each download', async () => {
    const csv = await get('/reports/devices-by?format=csv&by=status');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toBe('by,key,count\r\nstatus,CONFIGURED,15\r\nstatus,ENROLLED,5\r\n');
    const exported = (await (
      await get('/inventory/export?format=json&status=ENROLLED')
    ).json()) as { serial: string }[];
    expect(exported).toHaveLength(5);
    expect((await get('/reports/devices', ['device:read'])).status).toBe(403);
    await waitFor(
      'the download events to be audited',
      async () =>
        (await stack.models.audit.countDocuments({ type: 'keyward.report.downloaded' })) === 2,
    );
  });

  it('rebuilds the inventory from the stream, equal to the live projection', {
    timeout: 60_000,
  }, async () => {
    const cli = fileURLToPath(new URL('../src/cli/rebuild.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', cli, '--collection', 'inventory_rebuilt'],
      {
        env: { ...process.env, ...stack.env, LOG_LEVEL: 'warn' },
      },
    );
    const result = JSON.parse(stdout) as { devices: number; events: number };
    expect(result.devices).toBe(20);
    const rebuilt = createModels({
      connection: stack.connection,
      inventoryCollection: 'inventory_rebuilt',
    });
    expect(await liveInventory(rebuilt)).toEqual(await liveInventory(stack.models));
  });

  it('verify points at an audit record modified directly in the database', async () => {
    const ok = (await (await get('/audit/verify')).json()) as { ok: boolean };
    expect(ok.ok).toBe(true);
    const victim = await stack.models.chainSlots.findById('device:7').lean();
    await stack.models.audit.collection.updateOne(
      { eventId: victim!.eventId },
      { $set: { dataJson: '{"serial":"forged"}' } },
    );
    const verdict = (await (await get('/audit/verify?partition=device')).json()) as {
      ok: boolean;
      partitions: { broken?: { reason: string; eventId: string; index: number } }[];
    };
    expect(verdict.ok).toBe(false);
    expect(verdict.partitions[0]!.broken).toMatchObject({
      reason: 'HASH_MISMATCH',
      index: 7,
      eventId: victim!.eventId,
    });
  });

  // Last in this describe: its extra locked key would change the counts the tests above check.
  it('issue 12: summarizes the inventory (report:read) with the counts the projection holds', async () => {
    // A key whose PIN is blocked, so LOCKED is counted from a real flag, not a default zero.
    const locked = buildEvent(deviceEvents.configureFailed, {
      source: 'keyward/device-gateway/gw-1',
      actor: 'user:alice',
      subject: 'SN-LOCKED',
      data: {
        ...ref('SN-LOCKED'),
        policyId: 'p-std',
        error: { code: 'DEVICE_LOCKED', message: 'PIN blocked' },
        retryable: false,
      },
    });
    await stack.publish(locked);
    await waitFor('the locked key to be consumed', () => stack.drained('reporting'));
    const devices = expectedInventory([...events, locked]);
    expect(devices.filter((d) => d.locked).map((d) => d.serial)).toEqual(['SN-LOCKED']);
    const count = <K extends string | null>(keys: K[]) => {
      const m = new Map<K, number>();
      for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
      return m;
    };
    const response = await get('/inventory/summary', ['report:read']);
    expect(response.status).toBe(200);
    const summary = (await response.json()) as {
      total: number;
      byStatus: Record<string, number>;
      locked: number;
      enrolledUsers: number;
      byPolicy: { policyId: string | null; count: number; users: number }[];
      byIdp: { idpId: string | null; count: number }[];
    };
    const statuses = count(devices.map((d) => d.status));
    expect(summary.total).toBe(devices.length);
    expect(summary.byStatus).toEqual({
      NOT_CONFIGURED: statuses.get('NOT_CONFIGURED') ?? 0,
      READY: statuses.get('READY') ?? 0,
      CONFIGURED: statuses.get('CONFIGURED') ?? 0,
      IN_STOCK: statuses.get('IN_STOCK') ?? 0,
      ENROLLED: statuses.get('ENROLLED') ?? 0,
      REVOKED: statuses.get('REVOKED') ?? 0,
    });
    // The burst makes several statuses, so equal zeros could not pass this by accident.
    expect(new Set(Object.values(summary.byStatus).filter((n) => n > 0)).size).toBeGreaterThan(1);
    expect(summary.locked).toBe(devices.filter((d) => d.locked).length);
    expect(summary.enrolledUsers).toBe(
      new Set(devices.filter((d) => d.status === 'ENROLLED').map((d) => d.user?.id)).size,
    );
    const sorted = <T extends { count: number }>(rows: T[], key: (r: T) => string | null) =>
      [...rows].sort((a, b) => String(key(a)).localeCompare(String(key(b))));
    expect(sorted(summary.byPolicy, (r) => r.policyId)).toEqual(
      sorted(
        [...count(devices.map((d) => d.policyId))].map(([policyId, n]) => ({
          policyId,
          count: n,
          users: new Set(
            devices.filter((d) => d.policyId === policyId && d.user?.id).map((d) => d.user?.id),
          ).size,
        })),
        (r) => r.policyId,
      ),
    );
    expect(sorted(summary.byIdp, (r) => r.idpId)).toEqual(
      sorted(
        [...count(devices.map((d) => d.idpId))].map(([idpId, n]) => ({ idpId, count: n })),
        (r) => r.idpId,
      ),
    );
    expect(summary.byPolicy.map((r) => r.count)).toEqual(
      [...summary.byPolicy.map((r) => r.count)].sort((a, b) => b - a),
    );
    expect((await get('/inventory/summary', ['device:read'])).status).toBe(403);
  });
});

describe('reporting killed mid-burst', () => {
  it('a new instance catches up with nothing lost or doubled', async () => {
    const stack = await startStack(db);
    try {
      const events = lifecycleBurst({ keys: 60 });
      const first = await spawnReporting(stack.env);
      const half = Math.floor(events.length / 2);
      for (const e of events.slice(0, half)) await stack.publish(e);
      await waitFor(
        'the first instance to be mid-burst',
        async () => (await stack.models.audit.countDocuments()) >= 20,
      );
      await first.kill();
      const storedAtKill = await stack.models.audit.countDocuments();
      expect(storedAtKill).toBeLessThan(events.length);
      for (const e of events.slice(half)) await stack.publish(e);

      const second = await spawnReporting(stack.env);
      try {
        await waitFor('the second instance to catch up', () => stack.drained('reporting'));
        expect(await stack.models.audit.countDocuments()).toBe(events.length);
        expect(await liveInventory(stack.models)).toEqual(expectedInventory(events));
        const verify = await fetch(`${second.baseUrl}/audit/verify`, {
          headers: { authorization: `Bearer ${stack.issuer.token()}` },
        });
        expect(await verify.json()).toMatchObject({ ok: true });
      } finally {
        await second.proc.stop();
      }
    } finally {
      await stack.stop();
    }
  }, 180_000);
});

describe('two reporting replicas', () => {
  it('take turns on the durable, even one created earlier with more in flight, and project the exact inventory', async () => {
    const stack = await startStack(db);
    try {
      // A durable left by an earlier configuration that let many events be in flight.
      const jsm = await jetstreamManager(stack.nc);
      await jsm.consumers.add(SUBJECTS.EVENTS_STREAM, {
        durable_name: 'reporting',
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: SUBJECTS.EVENTS_ALL,
        max_ack_pending: 1000,
      });
      const replicas = [await spawnReporting(stack.env), await spawnReporting(stack.env)];
      try {
        const info = await jsm.consumers.info(SUBJECTS.EVENTS_STREAM, 'reporting');
        expect(info.config.max_ack_pending).toBe(1);
        const events = lifecycleBurst({ keys: 40 });
        for (const e of shuffle(events, 7)) await stack.publish(e);
        await waitFor('both replicas to drain the burst', () => stack.drained('reporting'));
        expect(await stack.models.audit.countDocuments()).toBe(events.length);
        expect(await liveInventory(stack.models)).toEqual(expectedInventory(events));
      } finally {
        for (const r of replicas) await r.proc.stop();
      }
    } finally {
      await stack.stop();
    }
  }, 180_000);
});
