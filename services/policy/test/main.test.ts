import { randomBytes } from 'node:crypto';
import { policyRequests } from '@keyward/contracts';
import { connectNats, createLogger, request } from '@keyward/service-kit';
import {
  freePort,
  type MongoServer,
  type NatsServer,
  type OidcIssuer,
  repoRoot,
  spawnProcess,
  startMongo,
  startNats,
  startOidcIssuer,
  uniqueDbName,
  waitForPort,
} from '@keyward/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asGateway } from './support/asGateway.ts';

let nats: NatsServer;
let mongo: MongoServer;
let issuer: OidcIssuer;
const kek = randomBytes(32).toString('base64');
const dbName = uniqueDbName('policy_main');

beforeAll(async () => {
  [nats, mongo, issuer] = await Promise.all([
    startNats({ jetstream: true }),
    startMongo(),
    startOidcIssuer(),
  ]);
});
afterAll(async () => {
  await Promise.all([nats?.stop(), mongo?.stop(), issuer?.stop()]);
});

function node(script: string, env: Record<string, string>) {
  return spawnProcess({
    name: script,
    command: process.execPath,
    args: ['--import', 'tsx', script],
    cwd: repoRoot(),
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

// Each case starts Node with tsx; on a busy 2-core machine that alone takes seconds.
describe('the policy service as a process (src/main.ts)', { timeout: 90_000 }, () => {
  it('starts from environment variables, serves HTTP and NATS, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const proc = node('services/policy/src/main.ts', {
      NATS_URL: nats.url,
      NATS_CREDENTIALS: nats.credentialsFile('policy'),
      MONGO_URL: mongo.url,
      MONGO_DB: dbName,
      HTTP_PORT: String(port),
      AUTH_ISSUER: issuer.issuer,
      AUTH_JWKS_URL: issuer.jwksUrl,
      KEYWARD_KEK: kek,
    });
    try {
      await waitForPort({ port, abort: () => proc.exitReason() });
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { nats: true, mongo: true } });
      const nc = await connectNats({
        url: nats.url,
        name: 'main-test',
        logger: createLogger({ name: 't', level: 'silent' }),
        credentialsFile: nats.credentialsFile('operator'),
      });
      try {
        const reply = await request(
          nc,
          policyRequests.get,
          { policyId: 'none' },
          { timeoutMs: 10_000 },
        );
        expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        const { reply: stored } = await asGateway(
          nc,
          policyRequests.pinStore,
          { serial: 'SN-MAIN', userPin: '73049281' },
          { token: issuer.token({ sub: 'main-test', permissions: ['device:unlock'] }) },
        );
        expect(stored).toEqual({ ok: true, data: { stored: ['user'] } });
      } finally {
        await nc.close();
      }
    } finally {
      const exit = await proc.stop();
      expect(exit, proc.output()).toEqual({ code: 0, signal: null });
    }
    expect(proc.output()).not.toContain('73049281');
  });

  it('refuses to start without a valid KEK, naming the variable but not echoing it', async () => {
    const proc = node('services/policy/src/main.ts', {
      NATS_URL: nats.url,
      NATS_CREDENTIALS: nats.credentialsFile('policy'),
      MONGO_URL: mongo.url,
      HTTP_PORT: '0',
      AUTH_ISSUER: issuer.issuer,
      KEYWARD_KEK: 'c2hvcnQta2V5',
    });
    const exit = await proc.exited;
    expect(exit.code).not.toBe(0);
    expect(proc.output()).toContain('KEYWARD_KEK');
    expect(proc.output()).toContain('expected 32 bytes as base64');
    expect(proc.output()).not.toContain('c2hvcnQta2V5');
  });

  it('runs the rewrap command (src/cli/rewrap.ts) against the same database', async () => {
    const next = randomBytes(32).toString('base64');
    const proc = node('services/policy/src/cli/rewrap.ts', {
      MONGO_URL: mongo.url,
      MONGO_DB: dbName,
      KEYWARD_KEK_PREVIOUS: kek,
      KEYWARD_KEK: next,
    });
    const exit = await proc.exited;
    expect(exit, proc.output()).toEqual({ code: 0, signal: null });
    expect(proc.output()).toContain('"rewrapped":1');
    expect(proc.output()).not.toContain(next);
    expect(proc.output()).not.toContain(kek);
  });
});
