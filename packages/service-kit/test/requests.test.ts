import { defineRequest, KeywardError } from '@keyward/contracts';
import { type NatsServer, startNats } from '@keyward/test-harness';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  attachBusIdentity,
  handleRequest,
  type RequestServer,
  request,
  requestOrThrow,
  serveRequests,
} from '../src/index.ts';
import { captureLogger } from './support.ts';

const lookup = defineRequest(
  'keyward.kittest.lookup',
  z.object({ serial: z.string().min(3), which: z.enum(['user', 'admin']) }),
  z.object({ serial: z.string(), actor: z.string().optional() }),
  { description: 'test' },
);
const unserved = defineRequest('keyward.kittest.nobody', z.object({}), z.object({}));
const broken = defineRequest('keyward.kittest.broken', z.object({}), z.object({ n: z.number() }));

let nats: NatsServer;
let nc: NatsConnection;
let server: RequestServer;
const { logger, lines } = captureLogger();

beforeAll(async () => {
  nats = await startNats();
  nc = attachBusIdentity(
    await connect(nats.connectOptions('operator')),
    nats.credentialsFile('operator'),
  );
  server = await serveRequests(nc, {
    service: 'kittest',
    version: '0.1.0',
    logger,
    handlers: [
      handleRequest(lookup, async (data, ctx) => {
        if (data.serial === 'missing')
          throw new KeywardError('NOT_FOUND', `device "${data.serial}" not found`);
        if (data.serial === 'explode') throw new Error('db password=hunter22 rejected');
        return { serial: data.serial, ...(ctx.actor ? { actor: ctx.actor } : {}) };
      }),
      handleRequest(broken, async () => ({ n: 'not a number' }) as never),
    ],
  });
});

afterAll(async () => {
  await server?.stop();
  await nc?.close();
  await nats?.stop();
});

describe('serveRequests + request', () => {
  it('answers a valid request with {ok:true,data} and passes the actor', async () => {
    const reply = await request(
      nc,
      lookup,
      { serial: 'SIM0001', which: 'user' },
      { actor: 'user:alice' },
    );
    expect(reply).toEqual({ ok: true, data: { serial: 'SIM0001', actor: 'user:alice' } });
  });

  it('replies VALIDATION_FAILED naming the field to an invalid payload', async () => {
    const raw = await nc.request(
      lookup.subject,
      JSON.stringify({ serial: 'SIM0001', which: 'root' }),
    );
    const reply = raw.json<{ ok: false; error: { code: string; message: string } }>();
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe('VALIDATION_FAILED');
    expect(reply.error.message).toContain('which');
    expect(raw.headers?.get('Nats-Service-Error-Code')).toBe('400');
  });

  it('replies VALIDATION_FAILED to a payload that is not JSON', async () => {
    const raw = await nc.request(lookup.subject, 'serial=1');
    expect(raw.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/not JSON/) },
    });
  });

  it('checks the request on the client side too, without sending it', async () => {
    const reply = await request(nc, lookup, { serial: 'x', which: 'user' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('serial') },
    });
  });

  it('carries a KeywardError code and message across the wire', async () => {
    const reply = await request(nc, lookup, { serial: 'missing', which: 'user' });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'device "missing" not found' },
    });
    await expect(
      requestOrThrow(nc, lookup, { serial: 'missing', which: 'user' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('turns an unexpected error into INTERNAL without its message, and logs it redacted', async () => {
    const reply = await request(nc, lookup, { serial: 'explode', which: 'user' });
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
    const log = lines().join('');
    expect(log).toContain('request failed');
    expect(log).not.toContain('hunter22');
  });

  it('reports a reply that breaks its contract as INTERNAL', async () => {
    expect(await request(nc, broken, {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('reports a subject nobody serves as UPSTREAM_UNAVAILABLE', async () => {
    expect(await request(nc, unserved, {})).toMatchObject({
      ok: false,
      error: { code: 'UPSTREAM_UNAVAILABLE' },
    });
  });

  it('registers the endpoints for $SRV discovery', async () => {
    const info = server.service.info();
    expect(info.name).toBe('kittest');
    expect(info.endpoints.map((e) => e.subject)).toEqual([lookup.subject, broken.subject]);
  });
});
