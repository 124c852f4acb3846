import { KeywardError } from '@keyward/contracts';
import type { KV } from '@nats-io/kv';
import { leaseKey } from '../domain/lease.ts';
import type { KeyRun, Session } from '../domain/session.ts';

/** KV bucket of session journals (issue 5 "Crash safety"). */
export const JOURNAL_BUCKET = 'keyward_gateway_sessions';
/** Journals older than a week are dropped by the bucket's max_age. */
export const JOURNAL_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

type SessionMeta = Omit<Session, 'keys'>;

/**
 * The session journal: one KV entry for the session head and one per key, so concurrent key
 * workers never write the same entry (each key has one worker; the device lease guarantees it).
 * Keys: `<gatewayId>.<sessionId>.meta` and `<gatewayId>.<sessionId>.key.<serial-escaped>`.
 */
export class JournalStore {
  readonly #kv: KV;

  constructor(options: { kv: KV }) {
    this.#kv = options.kv;
  }

  async writeSession(session: Session): Promise<void> {
    const { keys: _keys, ...meta } = session;
    await this.#put(`${prefix(session)}.meta`, meta);
  }

  async writeKey(session: Pick<Session, 'gatewayId' | 'id'>, run: KeyRun): Promise<void> {
    await this.#put(`${prefix(session)}.${keySuffix(run.serial)}`, run);
  }

  /** Every session of a gateway still in the journal, with its key runs. */
  async load(gatewayId: string): Promise<Session[]> {
    const sessions = new Map<string, Session>();
    const runs: { sessionId: string; run: KeyRun }[] = [];
    try {
      for await (const key of await this.#kv.keys(`${gatewayId}.>`)) {
        const entry = await this.#kv.get(key);
        if (entry?.operation !== 'PUT') continue;
        const [, sessionId, kind] = key.split('.');
        if (!sessionId) continue;
        if (kind === 'meta')
          sessions.set(sessionId, { ...(entry.json() as SessionMeta), keys: {} });
        else runs.push({ sessionId, run: entry.json() as KeyRun });
      }
    } catch (error) {
      throw unavailable(error);
    }
    for (const { sessionId, run } of runs) {
      const session = sessions.get(sessionId);
      if (session) session.keys[run.serial] = run;
    }
    return [...sessions.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async #put(key: string, value: unknown): Promise<void> {
    try {
      await this.#kv.put(key, JSON.stringify(value));
    } catch (error) {
      throw unavailable(error);
    }
  }
}

function prefix(session: Pick<Session, 'gatewayId' | 'id'>): string {
  return `${session.gatewayId}.${session.id}`;
}

function keySuffix(serial: string): string {
  // leaseKey escapes a serial into KV-safe characters; reuse it with our own prefix.
  return `key_${leaseKey(serial).slice('device.'.length).replaceAll('.', '_2e')}`;
}

function unavailable(error: unknown): KeywardError {
  return new KeywardError('UPSTREAM_UNAVAILABLE', 'session journal (JetStream KV) is unavailable', {
    cause: error,
  });
}
