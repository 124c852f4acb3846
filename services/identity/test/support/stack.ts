import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { RequestDefinition } from '@keyward/contracts';
import { connectNats, createLogger, request } from '@keyward/service-kit';
import { startMongo, startNats, startOidcIssuer, uniqueDbName } from '@keyward/test-harness';
import type { NatsConnection } from '@nats-io/nats-core';
import { SMTPServer } from 'smtp-server';
import type { z } from 'zod';
import { identityConfigSchema } from '../../src/config.ts';
import { type RunningIdentity, startIdentity } from '../../src/startIdentity.ts';

/** A clock the test moves by hand (the service reads it; nothing sleeps). */
export function steppedClock(start = new Date()) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** A local SMTP server that keeps every message it receives. */
async function startSmtp() {
  const messages: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * The identity service as it runs in production (startIdentity), against a real nats-server
 * (JetStream), a MongoDB-wire database (FerretDB), a JWT issuer and an SMTP listener.
 */
export async function startStack() {
  const logger = createLogger({ name: 'identity-test', level: 'silent' });
  const nats = await startNats({ jetstream: true });
  const mongo = await startMongo();
  const oidc = await startOidcIssuer({
    permissions: ['idp:write', 'provisioning:run', 'report:read'],
  });
  const smtp = await startSmtp();
  const clock = steppedClock();
  const sleeps: number[] = [];
  const config = identityConfigSchema.parse({
    NATS_URL: nats.url,
    NATS_CREDENTIALS: nats.credentialsFile('identity'),
    MONGO_URL: mongo.url,
    MONGO_DB: uniqueDbName('identity'),
    HTTP_PORT: '0',
    AUTH_ISSUER: oidc.issuer,
    AUTH_JWKS_URL: oidc.jwksUrl,
    KEYWARD_KEK: randomBytes(32).toString('base64'),
    IDP_ALLOW_INSECURE_LOOPBACK: 'true',
    ENROLLMENT_TTL_SECONDS: '600',
    SMTP_URL: smtp.url,
    LOG_LEVEL: 'silent',
  });
  const identity: RunningIdentity = await startIdentity({
    config,
    logger,
    now: clock.now,
    providerIo: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 60_000 },
    },
  });
  const nc: NatsConnection = await connectNats({
    url: nats.url,
    name: 'identity-test',
    logger,
    credentialsFile: nats.credentialsFile('operator'),
  });
  const events: { type: string; data: Record<string, unknown>; actor: string }[] = [];
  const sub = nc.subscribe('keyward.evt.>');
  (async () => {
    for await (const m of sub) events.push(m.json());
  })();
  const base = `http://127.0.0.1:${identity.port}`;

  return {
    identity,
    deps: identity.deps,
    /** Where the service keeps its documents, for tests that check stored state directly. */
    db: { url: mongo.url, name: config.MONGO_DB },
    clock,
    sleeps,
    smtp,
    events,
    nc,
    /** A NATS request as a gateway makes it (actor header set). */
    call<D extends RequestDefinition>(def: D, data: z.input<D['request']>) {
      return request(nc, def, data, { timeoutMs: 20_000, actor: 'user:operator' });
    },
    /** An authenticated REST call; `permissions` replaces the token's default permissions. */
    async http(
      path: string,
      init: { method?: string; body?: unknown; permissions?: string[] } = {},
    ) {
      const token = oidc.token({
        sub: 'admin',
        ...(init.permissions ? { permissions: init.permissions } : {}),
      });
      const res = await fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {}
      // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies.
      return { status: res.status, body: body as any, text, headers: res.headers };
    },
    async stop() {
      sub.unsubscribe();
      await nc.drain().catch(() => undefined);
      await identity.stop();
      await smtp.stop();
      await oidc.stop();
      await mongo.stop();
      await nats.stop();
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
