import { type KV, Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';
import { LEASE_TTL_MS } from '../domain/lease.ts';
import { JOURNAL_BUCKET, JOURNAL_MAX_AGE_MS } from './journalStore.ts';
import { LEASE_BUCKET } from './leaseStore.ts';

export interface GatewayBuckets {
  leases: KV;
  journal: KV;
}

/**
 * Creates (or binds to) the gateway's KV buckets. The lease bucket's max_age equals the lease
 * TTL so a dead holder's lease disappears server-side even if nobody asks for the key.
 */
export async function openBuckets(
  nc: NatsConnection,
  options: { leaseTtlMs?: number } = {},
): Promise<GatewayBuckets> {
  const kvm = new Kvm(nc);
  const leases = await kvm.create(LEASE_BUCKET, {
    history: 1,
    ttl: options.leaseTtlMs ?? LEASE_TTL_MS,
  });
  const journal = await kvm.create(JOURNAL_BUCKET, { history: 1, ttl: JOURNAL_MAX_AGE_MS });
  return { leases, journal };
}
