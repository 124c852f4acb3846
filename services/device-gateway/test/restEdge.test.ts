import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayHarness, startGatewayHarness } from './support/gatewayHarness.ts';

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGatewayHarness({ env: { SECRET_RATE_LIMIT: '2' } });
});
afterAll(async () => {
  await h?.stop();
});

describe('REST edge', () => {
  it('documents every route with its permission in /openapi.json', async () => {
    const r = await h.api('GET', '/openapi.json', { token: null });
    expect(r.status).toBe(200);
    const paths = Object.keys(r.body.paths);
    for (const p of [
      '/devices',
      '/devices/refresh',
      '/devices/{id}/configure',
      '/devices/{id}/apply-policy',
      '/devices/apply-policy',
      '/sessions/configure',
      '/sessions/{id}/stop',
      '/sessions/{id}',
      '/sessions/{id}/events',
      '/sessions/{id}/report',
      '/devices/{id}/assign',
      '/devices/{id}/test',
      '/devices/{id}/pin',
      '/devices/{id}/reset',
      '/devices/{id}/unlock',
      '/devices/{id}/stock',
      '/simulation/devices',
      '/simulation/devices/{id}/touch',
    ]) {
      expect(paths).toContain(p);
    }
    expect(r.body.paths['/devices/{id}/configure'].post.requestBody).toBeDefined();
    // A waited operation returns the key's own failure: documented on every operation route.
    for (const p of ['configure', 'apply-policy', 'assign', 'test', 'reset', 'unlock']) {
      const documented = Object.keys(r.body.paths[`/devices/{id}/${p}`].post.responses);
      expect(documented, p).toEqual(expect.arrayContaining(['200', '202', '409', '422', '504']));
    }
  });

  it('announces itself on the bus at start', async () => {
    const announced = h.events.find((e) => e.type === 'keyward.gateway.announced');
    expect(announced?.data).toMatchObject({
      gatewayId: 'gw-test',
      version: '0.1.0',
      simulation: true,
    });
    expect(announced?.data.restUrl).toBe(h.gateway.url);
  });

  it('answers 401 without a token and 403 without the permission', async () => {
    expect((await h.api('GET', '/devices', { token: null })).status).toBe(401);
    const r = await h.api('POST', '/sessions/configure', {
      permissions: ['device:read'],
      body: { policyId: 'std', mode: 'continuous' },
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
    expect(r.body.error.message).toContain('device:configure');
  });

  it('answers 400 naming the field for an invalid body', async () => {
    const r = await h.api('POST', '/sessions/configure', { body: { mode: 'continuous' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.message).toMatch(/policyId/);
  });

  it('answers 404 for an unknown device and an unknown session', async () => {
    const d = await h.api('POST', '/devices/nope/configure', { body: { policyId: 'std' } });
    expect(d.status).toBe(404);
    expect(d.body.error.message).toContain('nope');
    expect((await h.api('GET', '/sessions/nope')).status).toBe(404);
  });

  it('issue 19: limits PIN views and unlocks per caller (429 with Retry-After), never cached', async () => {
    const calls = [
      () => h.api('GET', '/devices/nope/pin', { sub: 'guesser' }),
      () =>
        h.api('POST', '/devices/nope/unlock', {
          sub: 'guesser',
          body: { method: 'remote', pinSource: 'generated' },
        }),
      () => h.api('GET', '/devices/nope/pin', { sub: 'guesser' }),
    ];
    const answers = [];
    for (const call of calls) answers.push(await call());
    expect(answers.map((a) => a.status)).toEqual([404, 404, 429]);
    for (const a of answers) expect(a.headers.get('cache-control')).toBe('no-store');
    const refused = answers[2]!;
    expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 2 } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit')).toMatch(/^"PIN and unlock"; r=0; t=\d+$/);
    // Limits are per caller: another one is not refused.
    expect((await h.api('GET', '/devices/nope/pin', { sub: 'bob' })).status).toBe(404);
  });

  it('has no simulation routes when simulation is off', async () => {
    const real = await h.startAnother({ KEYWARD_SIM: 'false', GATEWAY_ID: 'gw-real' });
    const r = await fetch(`${real.url}/simulation/devices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.token()}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(404);
    const list = await fetch(`${real.url}/devices`, {
      headers: { authorization: `Bearer ${h.token()}` },
    });
    expect(((await list.json()) as { devices: unknown[] }).devices).toEqual([]);
  });

  it('still lists devices when the inventory is unreachable, marking its fields unknown', async () => {
    await h.responders.stop();
    try {
      const key = await h.api('POST', '/simulation/devices', { body: { profile: 'generic' } });
      expect(key.status, key.text).toBe(201);
      const r = await h.api('GET', '/devices');
      expect(r.status).toBe(200);
      const view = r.body.devices.find((d: { id: string }) => d.id === key.body.deviceId);
      expect(view).toMatchObject({
        status: 'NOT_CONFIGURED',
        unknownFields: ['status', 'user', 'idpId', 'policy'],
      });
    } finally {
      h.responders = await (await import('./support/responders.ts')).startResponders(
        h.nc,
        (await import('@keyward/service-kit')).createLogger({ name: 't', level: 'silent' }),
        { issuer: h.issuer },
      );
    }
  });
});
