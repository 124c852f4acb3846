import { defineRequest, KeywardError } from '@keyward/contracts';
import { type NatsServer, startNats } from '@keyward/test-harness';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  attachBusIdentity,
  busContextOf,
  CALLER_HEADER,
  CALLER_PROOF_HEADER,
  callerProofHeaders,
  createBusContext,
  handleRequest,
  type RequestServer,
  request,
  requestOrThrow,
  rosterBeside,
  serveRequests,
} from '../src/index.ts';
import { captureLogger } from './support.ts';

const lookup = defineRequest(
  'keyward.kittest.lookup',
  z.object({ serial: z.string().min(3), which: z.enum(['user', 'admin']) }),
  z.object({ serial: z.string(), caller: z.string(), actor: z.string().optional() }),
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
        return {
          serial: data.serial,
          caller: ctx.caller.name,
          ...(ctx.actor ? { actor: ctx.actor } : {}),
        };
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

/** A raw request carrying this connection's caller proof (or `signer`'s). */
function rawRequest(text: string, signer = busContextOf(nc)) {
  const body = new TextEncoder().encode(text);
  return nc.request(lookup.subject, body, {
    headers: callerProofHeaders(signer, lookup.subject, body),
    timeout: 5_000,
  });
}

describe('caller proof', () => {
  const valid = JSON.stringify({ serial: 'SIM0001', which: 'user' });

  it('refuses a request without a proof, whatever Keyward-Caller says', async () => {
    const h = callerProofHeaders(busContextOf(nc), lookup.subject, new Uint8Array());
    h.delete(CALLER_PROOF_HEADER);
    const raw = await nc.request(lookup.subject, valid, { headers: h, timeout: 5_000 });
    expect(raw.json()).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/no caller proof/) },
    });
  });

  it('refuses a proof made for another body (a claimed name with a borrowed signature)', async () => {
    const other = new TextEncoder().encode('{"serial":"other","which":"user"}');
    const h = callerProofHeaders(busContextOf(nc), lookup.subject, other);
    const raw = await nc.request(lookup.subject, valid, { headers: h, timeout: 5_000 });
    expect(raw.json()).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/does not verify/) },
    });
    expect(h.get(CALLER_HEADER)).toBe('operator');
  });

  it('refuses a replayed proof', async () => {
    const body = new TextEncoder().encode(valid);
    const h = callerProofHeaders(busContextOf(nc), lookup.subject, body);
    expect(
      (await nc.request(lookup.subject, body, { headers: h, timeout: 5_000 })).json(),
    ).toMatchObject({
      ok: true,
    });
    expect(
      (await nc.request(lookup.subject, body, { headers: h, timeout: 5_000 })).json(),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'caller proof replayed' },
    });
  });

  it('refuses a proven identity whose role may not call the subject', async () => {
    const file = nats.credentialsFile('identity');
    const identity = createBusContext(nats.credentials('identity'), rosterBeside(file));
    expect((await rawRequest(valid, identity)).json()).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'bus identity "identity" may not call keyward.kittest.lookup',
      },
    });
  });
});

describe('serveRequests + request', () => {
  it('answers a valid request with {ok:true,data} and passes the actor', async () => {
    const reply = await request(
      nc,
      lookup,
      { serial: 'SIM0001', which: 'user' },
      { actor: 'user:alice' },
    );
    expect(reply).toEqual({
      ok: true,
      data: { serial: 'SIM0001', caller: 'operator', actor: 'user:alice' },
    });
  });

  it('replies VALIDATION_FAILED naming the field to an invalid payload', async () => {
    const raw = await rawRequest(JSON.stringify({ serial: 'SIM0001', which: 'root' }));
    const reply = raw.json<{ ok: false; error: { code: string; message: string } }>();
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe('VALIDATION_FAILED');
    expect(reply.error.message).toContain('which');
    expect(raw.headers?.get('Nats-Service-Error-Code')).toBe('400');
  });

  it('replies VALIDATION_FAILED to a payload that is not JSON', async () => {
    const raw = await rawRequest('serial=1');
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
