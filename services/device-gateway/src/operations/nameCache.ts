import { identityRequests, policyRequests } from '@keyward/contracts';
import type { Requester } from '../bus/ports.ts';

export interface NameCacheOptions {
  requester: Requester;
  /** How long a name is reused. Default 30 s: a renamed policy shows within half a minute. */
  ttlMs?: number;
  /** How long a failed look-up is reused. Default 5 s, so a recovered service shows soon. */
  failureTtlMs?: number;
  /** Look-up timeout. Default 2 s: a slow service must not hold the device list up. */
  timeoutMs?: number;
  now?: () => number;
}

interface Entry {
  expires: number;
  name: Promise<string | null>;
}

/** Entries beyond this count trigger a sweep of expired ones (ids are few; this is a bound). */
const SWEEP_AT = 500;

/**
 * Policy and IdP names for the expanded device view, looked up over the bus and kept briefly.
 * Concurrent look-ups of one id share a single request, so a list of 64 keys asks once per
 * distinct id. An unreachable or refusing service gives `null`, never an error: a name is a
 * label, the list must still work.
 */
export class NameCache {
  readonly #requester: Requester;
  readonly #ttlMs: number;
  readonly #failureTtlMs: number;
  readonly #timeoutMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();

  constructor(options: NameCacheOptions) {
    this.#requester = options.requester;
    this.#ttlMs = options.ttlMs ?? 30_000;
    this.#failureTtlMs = options.failureTtlMs ?? 5_000;
    this.#timeoutMs = options.timeoutMs ?? 2_000;
    this.#now = options.now ?? Date.now;
  }

  /** The name of a policy version (the latest when `version` is unknown). */
  policyName(policyId: string, version: number | undefined, actor: string): Promise<string | null> {
    return this.#cached(`policy:${policyId}@${version ?? 'latest'}`, async () => {
      const reply = await this.#requester.request(
        policyRequests.get,
        { policyId, ...(version !== undefined ? { version } : {}) },
        { actor, timeoutMs: this.#timeoutMs },
      );
      return reply.ok ? reply.data.name : null;
    });
  }

  idpName(idpId: string, actor: string): Promise<string | null> {
    return this.#cached(`idp:${idpId}`, async () => {
      const reply = await this.#requester.request(
        identityRequests.idpGet,
        { idpId },
        { actor, timeoutMs: this.#timeoutMs },
      );
      return reply.ok ? reply.data.name : null;
    });
  }

  #cached(key: string, lookUp: () => Promise<string | null>): Promise<string | null> {
    const now = this.#now();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.name;
    if (this.#entries.size >= SWEEP_AT) this.#sweep(now);
    const entry: Entry = { expires: now + this.#ttlMs, name: Promise.resolve(null) };
    entry.name = lookUp()
      .catch(() => null)
      .then((name) => {
        if (name === null) entry.expires = this.#now() + this.#failureTtlMs;
        return name;
      });
    this.#entries.set(key, entry);
    return entry.name;
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#entries) if (entry.expires <= now) this.#entries.delete(key);
  }
}
