import { KeywardError } from '@keyward/contracts';
import type { KV } from '@nats-io/kv';
import {
  deviceBusy,
  isLeaseExpired,
  isSameHolder,
  LEASE_TTL_MS,
  type LeaseHolder,
  leaseKey,
  parseHolder,
} from '../domain/lease.ts';

/** KV bucket of device leases; its max_age is the lease TTL (nats-server 2.9: no per-message TTL). */
export const LEASE_BUCKET = 'keyward_device_leases';

/** A held lease: renew it while working, release it when done. */
export interface Lease {
  readonly serial: string;
  readonly holder: LeaseHolder;
  /** Re-puts the holder with a compare-and-set on the last revision; throws if it was lost. */
  renew(): Promise<void>;
  /** Deletes the lease if it is still ours (a lost lease is left to its new holder). */
  release(): Promise<void>;
}

export interface LeaseStoreOptions {
  kv: KV;
  ttlMs?: number;
  /** Injected clock (ms since epoch); default Date.now. */
  now?: () => number;
}

export interface AcquireOptions {
  serial: string;
  gatewayId: string;
  operationId: string;
  operation: string;
  actor: string;
}

/**
 * Exclusive per-key leases in JetStream KV (design.md "Leases"). `create()` succeeds only when
 * the key is absent (or deleted / aged out), so exactly one of two concurrent acquirers wins;
 * the loser gets DEVICE_BUSY naming the holder. A holder that stopped renewing for a TTL is
 * taken over with `update(…, revision)`, again a compare-and-set, so a takeover race also has
 * one winner.
 */
export class LeaseStore {
  readonly #kv: KV;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: LeaseStoreOptions) {
    this.#kv = options.kv;
    this.#ttlMs = options.ttlMs ?? LEASE_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  get ttlMs(): number {
    return this.#ttlMs;
  }

  async acquire(options: AcquireOptions): Promise<Lease> {
    const { serial, ...who } = options;
    const key = leaseKey(serial);
    const at = new Date(this.#now()).toISOString();
    const holder: LeaseHolder = { ...who, since: at, renewedAt: at };
    try {
      const revision = await this.#kv.create(key, JSON.stringify(holder));
      return this.#lease(serial, key, holder, revision);
    } catch (error) {
      if (!isWrongRevision(error)) throw unavailable(error);
    }
    const current = await this.#read(key);
    const ours = current !== undefined && isSameHolder(current.holder, holder);
    if (current && !ours && !isLeaseExpired(current.holder, this.#now(), this.#ttlMs)) {
      throw deviceBusy(serial, current.holder);
    }
    // Dead holder (or the entry vanished between create and get): take over by revision.
    try {
      const revision = current
        ? await this.#kv.update(key, JSON.stringify(holder), current.revision)
        : await this.#kv.create(key, JSON.stringify(holder));
      return this.#lease(serial, key, holder, revision);
    } catch (error) {
      if (!isWrongRevision(error)) throw unavailable(error);
      const winner = await this.#read(key);
      throw winner ? deviceBusy(serial, winner.holder) : unavailable(error);
    }
  }

  /** The current live holder of a key's lease, if any. */
  async holder(serial: string): Promise<LeaseHolder | undefined> {
    const current = await this.#read(leaseKey(serial));
    if (!current || isLeaseExpired(current.holder, this.#now(), this.#ttlMs)) return undefined;
    return current.holder;
  }

  async #read(key: string): Promise<{ holder: LeaseHolder; revision: number } | undefined> {
    let entry: Awaited<ReturnType<KV['get']>>;
    try {
      entry = await this.#kv.get(key);
    } catch (error) {
      throw unavailable(error);
    }
    if (entry?.operation !== 'PUT') return undefined;
    const holder = parseHolder(entry.json());
    return holder ? { holder, revision: entry.revision } : undefined;
  }

  #lease(serial: string, key: string, first: LeaseHolder, firstRevision: number): Lease {
    let revision = firstRevision;
    let holder = first;
    let released = false;
    return {
      serial,
      get holder() {
        return holder;
      },
      renew: async () => {
        if (released) throw new TypeError(`lease on ${serial} was already released`);
        const next = { ...holder, renewedAt: new Date(this.#now()).toISOString() };
        try {
          revision = await this.#kv.update(key, JSON.stringify(next), revision);
          holder = next;
        } catch (error) {
          if (!isWrongRevision(error)) throw unavailable(error);
          throw new KeywardError(
            'CONFLICT',
            `lease on device ${serial} was lost to another holder`,
            {
              details: { serial },
              cause: error,
            },
          );
        }
      },
      release: async () => {
        if (released) return;
        released = true;
        try {
          await this.#kv.delete(key, { previousSeq: revision });
        } catch (error) {
          if (!isWrongRevision(error)) throw unavailable(error);
        }
      },
    };
  }
}

/** nats.js reports a failed compare-and-set as JetStream API error 10071 "wrong last sequence". */
function isWrongRevision(error: unknown): boolean {
  const text = String((error as { message?: unknown })?.message ?? error);
  const code = (error as { api_error?: { err_code?: number } })?.api_error?.err_code;
  return code === 10071 || /wrong last sequence|key exists/i.test(text);
}

function unavailable(error: unknown): KeywardError {
  return new KeywardError('UPSTREAM_UNAVAILABLE', 'lease store (JetStream KV) is unavailable', {
    cause: error,
  });
}
