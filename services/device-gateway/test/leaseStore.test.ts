import { isKeywardError, type KeywardError } from '@keyward/contracts';
import { type NatsServer, startNats } from '@keyward/test-harness';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaseStore } from '../src/store/leaseStore.ts';
import { openBuckets } from '../src/store/openBuckets.ts';

let nats: NatsServer;
let nc: NatsConnection;
let clock = Date.parse('2026-01-01T00:00:00.000Z');
let store: LeaseStore;

beforeAll(async () => {
  nats = await startNats({ jetstream: true });
  nc = await connect(nats.connectOptions('device-gateway'));
  const { leases } = await openBuckets(nc);
  store = new LeaseStore({ kv: leases, ttlMs: 30_000, now: () => clock });
});
afterAll(async () => {
  await nc?.close();
  await nats?.stop();
});

const who = (actor: string, operationId = 'op') => ({
  gatewayId: 'ws-1',
  operationId,
  operation: 'configure',
  actor,
});

async function busyError(p: Promise<unknown>): Promise<KeywardError> {
  try {
    await p;
  } catch (e) {
    if (isKeywardError(e)) return e;
    throw e;
  }
  throw new Error('expected DEVICE_BUSY, the acquire succeeded');
}

describe('device leases in JetStream KV', () => {
  it('gives a lease to exactly one of two concurrent acquirers; the other gets DEVICE_BUSY naming the holder', async () => {
    const results = await Promise.allSettled([
      store.acquire({ serial: 'RACE-1', ...who('user:alice', 'A') }),
      store.acquire({ serial: 'RACE-1', ...who('user:bob', 'B') }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ holder: { actor: string } }>).value.holder;
    const error = (lost[0] as PromiseRejectedResult).reason as KeywardError;
    expect(error.code).toBe('DEVICE_BUSY');
    expect(error.message).toContain(`held by ${winner.actor}`);
    expect(error.message).toContain('since 2026-01-01T00:00:00.000Z');
  });

  it('lets the next holder in after release', async () => {
    const lease = await store.acquire({ serial: 'REL-1', ...who('user:alice', 'A') });
    await lease.release();
    const next = await store.acquire({ serial: 'REL-1', ...who('user:bob', 'B') });
    expect((await store.holder('REL-1'))?.actor).toBe('user:bob');
    await next.release();
    expect(await store.holder('REL-1')).toBeUndefined();
  });

  it('keeps a renewed lease alive past its first TTL and lets a dead holder be taken over', async () => {
    const lease = await store.acquire({ serial: 'TTL-1', ...who('user:alice', 'A') });
    clock += 20_000;
    await lease.renew();
    clock += 20_000; // 40 s after acquire, 20 s after renewal: alive
    expect(
      (await busyError(store.acquire({ serial: 'TTL-1', ...who('user:bob', 'B') }))).code,
    ).toBe('DEVICE_BUSY');
    clock += 10_000; // holder "died": no renewal for a full TTL
    const taken = await store.acquire({ serial: 'TTL-1', ...who('user:bob', 'B') });
    expect(taken.holder.actor).toBe('user:bob');
    // The dead holder learns it lost the lease and cannot release the new one.
    await expect(lease.renew()).rejects.toMatchObject({ code: 'CONFLICT' });
    await lease.release();
    expect((await store.holder('TTL-1'))?.actor).toBe('user:bob');
    await taken.release();
  });

  it('lets the same gateway and session take its lease back after a restart, but nobody else', async () => {
    await store.acquire({ serial: 'RESTART-1', ...who('user:alice', 'S1') });
    await expect(
      store.acquire({ serial: 'RESTART-1', ...who('user:bob', 'S2') }),
    ).rejects.toMatchObject({ code: 'DEVICE_BUSY' });
    const again = await store.acquire({ serial: 'RESTART-1', ...who('user:alice', 'S1') });
    expect(again.holder.operationId).toBe('S1');
    await again.release();
  });

  it('keeps leases of different keys independent', async () => {
    const a = await store.acquire({ serial: 'IND-A', ...who('user:alice') });
    const b = await store.acquire({ serial: 'IND-B', ...who('user:alice') });
    await Promise.all([a.release(), b.release()]);
  });
});
