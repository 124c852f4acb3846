import { gzipSync } from 'node:zlib';
import type { AnyKeywardEvent } from '@keyward/contracts';
import {
  type MongoServer,
  type NatsServer,
  type OidcIssuer,
  startMongo,
  startNats,
  startOidcIssuer,
  uniqueDbName,
} from '@keyward/test-harness';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  attachBusIdentity,
  connectMongo,
  consumeEvents,
  createAuth,
  createEventPublisher,
  createHttpApp,
  ensureEventStream,
  isMongoReachable,
  isNatsReachable,
} from '../src/index.ts';
import { captureLogger, deferred } from './support.ts';

let issuer: OidcIssuer;
let nats: NatsServer;
let mongo: MongoServer;
let nc: NatsConnection;
let db: Connection;
let base: string;
let close: () => Promise<void>;
const { logger, lines } = captureLogger();
/** Log lines at error level or above, e.g. a 500's stack. */
const errorLines = () =>
  lines().filter((l) => ['error', 'fatal'].includes((JSON.parse(l) as { level: string }).level));

const device = z.object({ id: z.string(), policyId: z.string().optional() });

beforeAll(async () => {
  [issuer, nats, mongo] = await Promise.all([startOidcIssuer(), startNats(), startMongo()]);
  nc = attachBusIdentity(
    await connect({
      ...nats.connectOptions('operator'),
      maxReconnectAttempts: -1,
      reconnectTimeWait: 100,
    }),
    nats.credentialsFile('operator'),
  );
  db = await connectMongo({
    url: mongo.url,
    dbName: uniqueDbName('kit_http'),
    logger,
    serverSelectionTimeoutMs: 1_000,
  });
  const auth = createAuth({ issuer: issuer.issuer, audience: issuer.audience });
  await ensureEventStream(nc);
  const http = createHttpApp({
    service: 'kittest',
    logger,
    auth,
    audit: createEventPublisher(nc, { source: 'keyward/kittest', logger }),
    readiness: async () => ({
      nats: await isNatsReachable(nc, 1_000),
      mongo: await isMongoReachable(db),
    }),
  });
  http.route(
    {
      method: 'post',
      path: '/devices/:id/configure',
      summary: 'Configure one device',
      permission: 'device:configure',
      params: z.object({ id: z.string().min(1) }),
      body: z.object({ policyId: z.string().min(1), pin: z.string().optional() }),
      status: 202,
      responses: { 202: device },
    },
    async ({ params, body }) => ({ id: params.id, policyId: body.policyId }),
  );
  http.route(
    {
      method: 'get',
      path: '/devices/:id',
      summary: 'One device',
      permission: 'device:read',
      params: z.object({ id: z.string() }),
      query: z.object({ expand: z.enum(['info']).optional() }),
      responses: { 200: device },
    },
    async ({ params }) => ({ id: params.id }),
  );
  http.route(
    {
      method: 'get',
      path: '/public',
      summary: 'Public',
      permission: null,
      responses: { 200: z.object({ who: z.string() }) },
    },
    async (_input, ctx) => ({ who: ctx.actor }),
  );
  const listening = await http.listen({ port: 0 });
  base = `http://127.0.0.1:${listening.port}`;
  close = listening.close;
});

afterAll(async () => {
  await close?.();
  await db?.close();
  await nc?.close();
  await Promise.all([issuer?.stop(), nats?.stop(), mongo?.stop()]);
});

function call(
  path: string,
  init: {
    method?: string;
    token?: string;
    body?: string | Buffer;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return fetch(`${base}${path}`, { method: init.method ?? 'GET', headers, body: init.body });
}

const configure = (token: string | undefined, body: unknown) =>
  call('/devices/SIM0001/configure', {
    method: 'POST',
    ...(token ? { token } : {}),
    body: JSON.stringify(body),
  });

describe('createHttpApp', () => {
  it('accepts a valid call with the permission', async () => {
    const response = await configure(issuer.token({ permissions: ['device:configure'] }), {
      policyId: 'p1',
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ id: 'SIM0001', policyId: 'p1' });
  });

  it('answers 401 with WWW-Authenticate to a call without a token', async () => {
    const response = await configure(undefined, { policyId: 'p1' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="keyward"');
    expect(await response.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'missing bearer token' },
    });
  });

  it('answers 401 invalid_token to an expired or foreign token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = issuer.token({
      permissions: ['device:configure'],
      iat: now - 7200,
      exp: now - 3600,
    });
    const response = await configure(expired, { policyId: 'p1' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const other = await startOidcIssuer();
    try {
      const foreign = await configure(other.token({ permissions: ['device:configure'] }), {
        policyId: 'p1',
      });
      expect(foreign.status).toBe(401);
    } finally {
      await other.stop();
    }
  });

  it('answers 403 naming the permission to a valid token without it', async () => {
    const response = await configure(issuer.token({ permissions: ['device:read'] }), {
      policyId: 'p1',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        code: 'FORBIDDEN',
        message: 'requires permission "device:configure"',
        details: { permission: 'device:configure' },
      },
    });
  });

  it('issue 19: logs a 403 at info, not as an error and not only at debug', async () => {
    const before = lines().length;
    const response = await call('/devices/SIM0001', {
      token: issuer.token({ sub: 'trudy', permissions: [] }),
    });
    expect(response.status).toBe(403);
    const logged = lines()
      .slice(before)
      .map((l) => JSON.parse(l) as { level: string; msg: string; code?: string });
    expect(logged.filter((l) => l.code === 'FORBIDDEN').map((l) => [l.level, l.msg])).toEqual([
      ['info', 'request forbidden'],
    ]);
  });

  it('publishes every 403 as an audited admin.access_denied event', async () => {
    const denied = deferred<AnyKeywardEvent>();
    const consumer = await consumeEvents(nc, {
      durable: 'kit-denied',
      filterSubject: 'keyward.evt.admin.access_denied',
      logger,
      // Earlier tests' refusals are in the stream too: wait for this one.
      handler: async (event) => {
        if (event.actor === 'user:mallory') denied.resolve(event);
      },
    });
    try {
      await configure(issuer.token({ sub: 'mallory', permissions: [] }), { policyId: 'p1' });
      const event = await denied.promise;
      expect(event).toMatchObject({
        actor: 'user:mallory',
        source: 'keyward/kittest',
        data: {
          service: 'kittest',
          method: 'POST',
          path: '/devices/:id/configure',
          permission: 'device:configure',
        },
      });
    } finally {
      await consumer.stop();
    }
  });

  it('answers 400 naming the field to a malformed body, without echoing a PIN', async () => {
    const token = issuer.token({ permissions: ['device:configure'] });
    const response = await configure(token, { policyid: 'p1', pin: 123456 });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('body.policyId');
    expect(JSON.stringify(error)).not.toContain('123456');
  });

  it('answers 400 to a body that is not JSON', async () => {
    const token = issuer.token({ permissions: ['device:configure'] });
    const response = await call('/devices/SIM0001/configure', {
      method: 'POST',
      token,
      body: '{"policyId":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: 'body: not valid JSON' },
    });
  });

  it('issue 19: answers 400 to a malformed percent-encoding in the path, without a stack in the log', async () => {
    const before = errorLines().length;
    const response = await call('/devices/%ff/configure', {
      method: 'POST',
      token: issuer.token({ permissions: ['device:configure'] }),
      body: JSON.stringify({ policyId: 'p1' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message:
          'path: not valid percent-encoding (RFC 3986 §2.1), received "/devices/%ff/configure"',
      },
    });
    expect(errorLines().slice(before)).toEqual([]);
  });

  it('issue 19: answers 400 to an unsupported or corrupt Content-Encoding, without a stack in the log', async () => {
    const token = issuer.token({ permissions: ['device:configure'] });
    const before = errorLines().length;
    const unsupported = await call('/devices/SIM0001/configure', {
      method: 'POST',
      token,
      headers: { 'content-encoding': 'compress' },
      body: JSON.stringify({ policyId: 'p1' }),
    });
    expect(unsupported.status).toBe(400);
    expect(await unsupported.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message:
          'Content-Encoding: "compress" is not supported; expected identity, gzip, deflate or br',
      },
    });
    const corrupt = await call('/devices/SIM0001/configure', {
      method: 'POST',
      token,
      headers: { 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ policyId: 'p1' })).subarray(0, 12),
    });
    expect(corrupt.status).toBe(400);
    expect(await corrupt.json()).toEqual({
      error: { code: 'VALIDATION_FAILED', message: 'body: could not be decoded as "gzip"' },
    });
    const gzipped = await call('/devices/SIM0001/configure', {
      method: 'POST',
      token,
      headers: { 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ policyId: 'p1' })),
    });
    expect(gzipped.status).toBe(202);
    expect(errorLines().slice(before)).toEqual([]);
  });

  it('answers 400 naming a bad query parameter', async () => {
    const response = await call('/devices/SIM0001?expand=everything', {
      token: issuer.token({ permissions: ['device:read'] }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'query.expand',
    );
  });

  it('answers 404 to an unknown path and 405 with Allow to a wrong method', async () => {
    const missing = await call('/nothing-here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const wrong = await call('/devices/SIM0001', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
    expect(await wrong.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } });
  });

  it('issue 19: sends nosniff and a CSP that loads nothing, and no body-derived ETag', async () => {
    const response = await call('/devices/SIM0001', {
      token: issuer.token({ permissions: ['device:read'] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none';frame-ancestors 'none'",
    );
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('etag')).toBeNull();
    expect((await call('/openapi.json')).headers.get('etag')).toBeNull();
  });

  it('serves public routes without a token', async () => {
    expect(await (await call('/public')).json()).toEqual({ who: 'anonymous' });
  });

  it('serves an OpenAPI 3.1 document built from the route schemas', async () => {
    const doc = (await (await call('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const op = doc.paths['/devices/{id}/configure']!.post!;
    expect(op['x-permission']).toBe('device:configure');
    expect(op.requestBody).toMatchObject({
      content: {
        'application/json': {
          schema: { properties: { policyId: { type: 'string' } }, required: ['policyId'] },
        },
      },
    });
    expect(Object.keys(op.responses as object)).toEqual(
      expect.arrayContaining(['202', '400', '401', '403']),
    );
    expect(doc.paths['/devices/{id}']!.get!.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true })]),
    );
    expect(doc.paths['/public']!.get!.security).toEqual([]);
  });

  it('serves /healthz and Prometheus /metrics with request counts by route pattern', async () => {
    expect(await (await call('/healthz')).json()).toEqual({ status: 'ok' });
    const metrics = await (await call('/metrics')).text();
    expect(metrics).toContain(
      'http_requests_total{method="POST",route="/devices/:id/configure",status="202"}',
    );
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });

  it('reports readiness from NATS and Mongo reachability', async () => {
    const ready = await call('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { nats: true, mongo: true } });
    await nats.stop();
    const noNats = await call('/readyz');
    expect(noNats.status).toBe(503);
    expect(await noNats.json()).toMatchObject({ checks: { nats: false } });
    await mongo.stop();
    expect(await (await call('/readyz')).json()).toEqual({
      status: 'not ready',
      checks: { nats: false, mongo: false },
    });
  });
});
