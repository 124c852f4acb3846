import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Reply, type RequestDefinition, SUBJECTS } from '@keyward/contracts';
import { connectNats, createLogger } from '@keyward/service-kit';
import {
  type MongoServer,
  type NatsServer,
  type OidcIssuer,
  startMongo,
  startNats,
  startOidcIssuer,
  type TempDir,
  tempDir,
  uniqueDbName,
} from '@keyward/test-harness';
import type { NatsConnection } from '@nats-io/nats-core';
import { policyConfigSchema } from '../../src/config.ts';
import { type RunningPolicy, startPolicy } from '../../src/startPolicy.ts';
import {
  type BlobEntryFixture,
  blobPayload,
  createTestPki,
  signBlob,
  type TestPki,
} from '../fixtures/mdsBlob.ts';
import { asGateway } from './asGateway.ts';

/** Requests the policy answers only for an administrator's token (ADR 0007). */
const TOKEN_BACKED = new Set<string>([
  SUBJECTS.POLICY_PIN_READ,
  SUBJECTS.POLICY_PIN_STORE,
  SUBJECTS.POLICY_PIN_CHECK,
  SUBJECTS.POLICY_UNLOCK_RESPONSE,
]);

/** A frozen clock the tests move by hand (no sleeps, no wall-clock dependence). */
export class TestClock {
  current: Date;
  constructor(iso: string) {
    this.current = new Date(iso);
  }
  now = () => new Date(this.current);
}

export interface CapturedEvent {
  subject: string;
  raw: string;
  type: string;
  data: Record<string, unknown>;
  actor: string;
}

export interface PolicyStack {
  nats: NatsServer;
  mongo: MongoServer;
  issuer: OidcIssuer;
  dir: TempDir;
  pki: TestPki;
  blobPath: string;
  clock: TestClock;
  kek: Buffer;
  dbName: string;
  /** Client connection of the tests (requests and the keyward.evt.> capture). */
  nc: NatsConnection;
  service: RunningPolicy;
  baseUrl: string;
  /** Every log line the service wrote. */
  logLines: string[];
  /** Every event seen on keyward.evt.> (core subscription on the tests' connection). */
  events: CapturedEvent[];
  /**
   * Resolves with the first captured event matching `match` (already seen or arriving later).
   * Needed after REST calls: the HTTP answer and the event reach the test on different paths.
   * Fails after 15 s naming what was awaited.
   */
  waitForEvent(match: (e: CapturedEvent) => boolean, what: string): Promise<CapturedEvent>;
  writeBlob(
    entries: BlobEntryFixture[],
    opts?: { no?: number; nextUpdate?: string; pki?: TestPki },
  ): Promise<string>;
  http(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown },
    // biome-ignore lint/suspicious/noExplicitAny: parsed JSON, asserted field by field in tests
  ): Promise<{ status: number; body: any; headers: Headers }>;
  token(permissions: string[], sub?: string): string;
  /**
   * A request as the gateway makes it (support/asGateway.ts): secrets sealed, the reply's
   * opened. For the requests an administrator's token backs, `permissions` in `data` become a
   * token of the issuer for the actor's sub (pin.store defaults to device:unlock); `token: null`
   * sends none.
   */
  call<D extends RequestDefinition>(
    def: D,
    // biome-ignore lint/suspicious/noExplicitAny: plain test data (secrets in clear, sealed here)
    data: Record<string, any>,
    actor?: string,
    opts?: { token?: string | null },
    // biome-ignore lint/suspicious/noExplicitAny: the opened reply, asserted field by field
  ): Promise<Reply<any>>;
  /** Restart the service (same database), e.g. with another KEK. */
  restart(opts?: { kek?: Buffer }): Promise<void>;
  stop(): Promise<void>;
}

export interface StartStackOptions {
  entries?: BlobEntryFixture[];
  now?: string;
  /** More environment for the service, e.g. `{SECRET_RATE_LIMIT: '3'}`. */
  env?: Record<string, string>;
}

/** Real nats-server + FerretDB/mongod + JWT issuer, and the policy service on top, in-process. */
export async function startPolicyStack(options: StartStackOptions = {}): Promise<PolicyStack> {
  const [nats, mongo, issuer, dir, pki] = await Promise.all([
    startNats({ jetstream: true }),
    startMongo(),
    startOidcIssuer(),
    tempDir('policy-test'),
    createTestPki(),
  ]);
  const clock = new TestClock(options.now ?? '2026-06-01T12:00:00Z');
  const rootPath = join(dir.path, 'mds-root.pem');
  const blobPath = join(dir.path, 'mds.jwt');
  await writeFile(rootPath, pki.rootPem);
  const writeBlob: PolicyStack['writeBlob'] = async (entries, opts = {}) => {
    const blob = await signBlob(opts.pki ?? pki, blobPayload(entries, opts));
    await writeFile(blobPath, blob);
    return blob;
  };
  await writeBlob(options.entries ?? [], { no: 1 });

  const logLines: string[] = [];
  const logger = createLogger({
    name: 'policy',
    level: 'debug',
    destination: { write: (line: string) => void logLines.push(line) },
  });
  const dbName = uniqueDbName('policy');
  const env = (kek: Buffer) =>
    policyConfigSchema.parse({
      NATS_URL: nats.url,
      NATS_CREDENTIALS: nats.credentialsFile('policy'),
      MONGO_URL: mongo.url,
      MONGO_DB: dbName,
      HTTP_PORT: '0',
      AUTH_ISSUER: issuer.issuer,
      AUTH_JWKS_URL: issuer.jwksUrl,
      AUTH_AUDIENCE: issuer.audience,
      KEYWARD_KEK: kek.toString('base64'),
      MDS_BLOB_PATH: blobPath,
      MDS_ROOT_CERT_PATH: rootPath,
      LOG_LEVEL: 'debug',
      ...options.env,
    });
  const kek = randomBytes(32);
  const nc = await connectNats({
    url: nats.url,
    name: 'policy-test',
    logger: createLogger({ name: 'test', level: 'silent' }),
    credentialsFile: nats.credentialsFile('operator'),
  });
  const events: CapturedEvent[] = [];
  const waiters = new Set<(e: CapturedEvent) => void>();
  const sub = nc.subscribe('keyward.evt.>', {
    callback: (_err, msg) => {
      const raw = msg.string();
      const parsed = JSON.parse(raw);
      const event: CapturedEvent = {
        subject: msg.subject,
        raw,
        type: parsed.type,
        data: parsed.data,
        actor: parsed.actor,
      };
      events.push(event);
      for (const waiter of waiters) waiter(event);
    },
  });
  await nc.flush();

  const stack: PolicyStack = {
    nats,
    mongo,
    issuer,
    dir,
    pki,
    blobPath,
    clock,
    kek,
    dbName,
    nc,
    service: await startPolicy({ config: env(kek), logger, now: clock.now }),
    baseUrl: '',
    logLines,
    events,
    writeBlob,
    waitForEvent(match, what) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no event ${what} on keyward.evt.> within 15 s`));
        }, 15_000);
        const waiter = (e: CapturedEvent) => {
          if (!match(e)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(e);
        };
        waiters.add(waiter);
      });
    },
    async http(method, path, opts = {}) {
      const res = await fetch(`${stack.baseUrl}${path}`, {
        method,
        headers: {
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      });
      const text = await res.text();
      return {
        status: res.status,
        body: text ? JSON.parse(text) : undefined,
        headers: res.headers,
      };
    },
    token: (permissions, sub = 'admin-1') => issuer.token({ sub, permissions }),
    async call(def, data, actor = 'user:gateway-operator', opts = {}) {
      const { permissions, ...rest } = data;
      const backed = TOKEN_BACKED.has(def.subject);
      const granted =
        permissions ?? (def.subject === SUBJECTS.POLICY_PIN_STORE ? ['device:unlock'] : undefined);
      const token =
        opts.token === null
          ? undefined
          : (opts.token ??
            (backed && granted
              ? issuer.token({ sub: actor.replace(/^user:/, ''), permissions: granted })
              : undefined));
      // asGateway flushes after the reply: the service publishes its events before replying,
      // so this connection has everything the server routed to it by then.
      const { reply } = await asGateway(nc, def, rest, { actor, ...(token ? { token } : {}) });
      return reply;
    },
    async restart(opts = {}) {
      await stack.service.stop();
      stack.service = await startPolicy({ config: env(opts.kek ?? kek), logger, now: clock.now });
      stack.baseUrl = `http://127.0.0.1:${stack.service.port}`;
    },
    async stop() {
      sub.unsubscribe();
      await stack.service.stop().catch(() => undefined);
      await nc.close();
      await Promise.all([nats.stop(), mongo.stop(), issuer.stop(), dir.remove()]);
    },
  };
  stack.baseUrl = `http://127.0.0.1:${stack.service.port}`;
  return stack;
}
