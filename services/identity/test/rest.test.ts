import { freePort } from '@keyward/test-harness';
import { createConnection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedIdp, startEntra, startPingOne } from './support/emulators.ts';
import { type Stack, startStack } from './support/stack.ts';

let stack: Stack;
let entra: EmulatedIdp;
let ping: EmulatedIdp;

beforeAll(async () => {
  stack = await startStack();
  entra = await startEntra();
  ping = await startPingOne();
});
afterAll(async () => {
  await entra?.stop();
  await ping?.stop();
  await stack?.stop();
});

describe('identity REST', () => {
  it('requires a token (401) and the route permission (403)', async () => {
    const res = await fetch(`http://127.0.0.1:${stack.identity.port}/idps`);
    expect(res.status).toBe(401);
    const forbidden = await stack.http('/idps', { permissions: ['report:read'] });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toContain('idp:write');
    const noRun = await stack.http('/provisioning-requests', {
      method: 'POST',
      permissions: ['idp:write'],
      body: { name: 'x', policyId: 'p', csv: 'user\na\n' },
    });
    expect(noRun.status).toBe(403);
  });

  it('seals secrets: never returned, never in events, and names what changed', async () => {
    const created = await stack.http('/idps', {
      method: 'POST',
      body: {
        name: 'entra-main',
        settings: entra.settings,
        secrets: entra.secrets,
        isDefault: true,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'entra',
      isDefault: true,
      secretsSet: ['clientSecret'],
    });
    const raw = await stack.deps.idps.list();
    expect(JSON.stringify(raw)).not.toContain('full-secret-value');
    const patched = await stack.http(`/idps/${created.body.id}`, {
      method: 'PATCH',
      body: { secrets: { clientSecret: 'full-secret-value' } },
    });
    expect(patched.status).toBe(200);
    const updated = stack.events.find(
      (e) => e.type === 'keyward.idp.updated' && e.data.idpId === created.body.id,
    );
    expect(updated?.data.changedFields).toEqual(['secrets.clientSecret']);
    expect(JSON.stringify(stack.events)).not.toContain('full-secret-value');
    const list = await stack.http('/idps');
    expect(JSON.stringify(list.body)).not.toContain('full-secret-value');
  });

  it('rejects with 409 the loser of concurrent edits of a connection: no edit is lost', async () => {
    const created = await stack.http('/idps', {
      method: 'POST',
      body: { name: 'ping-edit-race', settings: ping.settings, secrets: ping.secrets },
    });
    expect(created.status).toBe(201);
    let won = 0;
    // Several rounds: whether two edits overlap is up to the scheduler, the invariant is not.
    for (let round = 0; round < 5; round += 1) {
      const replies = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          stack.http(`/idps/${created.body.id}`, {
            method: 'PATCH',
            body: { name: `ping-edit-race-${round}-${i}` },
          }),
        ),
      );
      for (const r of replies) expect([200, 409]).toContain(r.status);
      const winners = replies.filter((r) => r.status === 200);
      expect(winners.length).toBeGreaterThanOrEqual(1);
      won += winners.length;
    }
    // Edits may succeed one after another, but each success must create its own version: two
    // edits that both passed the check from the same version would leave fewer versions than 200s.
    const conn = await createConnection(stack.db.url, { dbName: stack.db.name }).asPromise();
    try {
      const doc = await conn.collection('idp_connections').findOne({ _id: created.body.id });
      expect(doc?.version).toBe(1 + won);
    } finally {
      await conn.close();
    }
    expect(
      stack.events.filter(
        (e) => e.type === 'keyward.idp.updated' && e.data.idpId === created.body.id,
      ),
    ).toHaveLength(won);
  });

  it('refuses with 409 an edit made from a stale read (expectedVersion), changing nothing', async () => {
    const created = await stack.http('/idps', {
      method: 'POST',
      body: { name: 'ping-etag', settings: ping.settings, secrets: ping.secrets },
    });
    expect(created.body.version).toBe(1);
    const first = await stack.http(`/idps/${created.body.id}`, {
      method: 'PATCH',
      body: { name: 'ping-etag-a', expectedVersion: 1 },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: 'ping-etag-a', version: 2 });
    // A second administrator still looking at version 1.
    const stale = await stack.http(`/idps/${created.body.id}`, {
      method: 'PATCH',
      body: { name: 'ping-etag-b', expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    expect((await stack.http(`/idps/${created.body.id}`)).body).toMatchObject({
      name: 'ping-etag-a',
      version: 2,
    });
  });

  it('rejects a create without the secret the provider type needs, naming the field', async () => {
    const r = await stack.http('/idps', {
      method: 'POST',
      body: { name: 'no-secret', settings: entra.settings, secrets: {} },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('secrets.clientSecret');
  });

  it('reports Test Connection success and each failure kind distinctly', async () => {
    const good = await stack.http('/idps', {
      method: 'POST',
      body: { name: 'ping-ok', settings: ping.settings, secrets: ping.secrets },
    });
    expect((await stack.http(`/idps/${good.body.id}/test`, { method: 'POST' })).body).toMatchObject(
      { ok: true, steps: ['token', 'read_user'] },
    );
    const limited = await stack.http('/idps', {
      method: 'POST',
      body: {
        name: 'ping-limited',
        settings: ping.limited.settings,
        secrets: ping.limited.secrets,
      },
    });
    const denied = await stack.http(`/idps/${limited.body.id}/test`, { method: 'POST' });
    expect(denied.body).toMatchObject({ ok: false, step: 'read_user', kind: 'MISSING_PERMISSION' });
    expect(denied.body.message).toContain('Identity Data');
    const closed = await freePort();
    const refusedSettings = {
      ...ping.settings,
      authBaseUrl: `http://127.0.0.1:${closed}`,
      apiBaseUrl: `http://127.0.0.1:${closed}/v1`,
    };
    const down = await stack.http('/idps', {
      method: 'POST',
      body: { name: 'ping-down', settings: refusedSettings, secrets: ping.secrets },
    });
    expect((await stack.http(`/idps/${down.body.id}/test`, { method: 'POST' })).body).toMatchObject(
      { ok: false, step: 'token', kind: 'CONNECTION_REFUSED' },
    );
    const dns = await stack.http('/idps', {
      method: 'POST',
      body: {
        name: 'ping-dns',
        settings: { ...ping.settings, authBaseUrl: 'https://auth.keyward-nowhere.invalid' },
        secrets: ping.secrets,
      },
    });
    expect((await stack.http(`/idps/${dns.body.id}/test`, { method: 'POST' })).body).toMatchObject({
      ok: false,
      step: 'token',
      kind: 'DNS',
    });
  });

  it('searches users and maps a user to an IdP for enrollment without an idpId', async () => {
    const p = await stack.http('/idps', {
      method: 'POST',
      body: { name: 'ping-map', settings: ping.settings, secrets: ping.secrets },
    });
    const found = await stack.http(`/idps/${p.body.id}/users?q=bob@example.com`);
    expect(found.body).toEqual([expect.objectContaining({ name: 'bob@example.com' })]);
    const mapped = await stack.http('/user-mappings/Bob@Example.com', {
      method: 'PUT',
      body: { idpId: p.body.id },
    });
    expect(mapped.body).toEqual({ user: 'bob@example.com', idpId: p.body.id });
    expect(await stack.deps.mappings.get('bob@example.com')).toBe(p.body.id);
  });

  it('names the CSV line of a bad upload', async () => {
    const r = await stack.http('/provisioning-requests', {
      method: 'POST',
      body: { name: 'bad', policyId: 'p', csv: 'user\nalice\n\n,extra\n' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('line 4');
  });

  // Last: it leaves the tenant without a default IdP.
  it('gives whoever assigns keys (device:enroll) the directory: connections without settings, user search, and a user resolved at the mapped or default IdP', async () => {
    const enroll = { permissions: ['device:enroll'] };
    const created = await stack.http('/idps', {
      method: 'POST',
      body: {
        name: 'entra-dir',
        settings: entra.settings,
        secrets: entra.secrets,
        isDefault: true,
      },
    });
    expect(created.status).toBe(201);
    const idps = await stack.http('/directory/idps', enroll);
    expect(idps.status, idps.text).toBe(200);
    expect(idps.body).toContainEqual({
      id: created.body.id,
      name: 'entra-dir',
      type: 'entra',
      isDefault: true,
      userSearch: 'search',
    });
    expect(idps.text).not.toContain('secretsSet');
    expect(idps.text).not.toContain('tenantId');
    expect((await stack.http('/directory/idps', { permissions: ['device:read'] })).status).toBe(
      403,
    );

    const found = await stack.http(`/directory/idps/${created.body.id}/users?q=alice`, enroll);
    expect(found.body).toEqual([expect.objectContaining({ name: 'alice@example.com' })]);
    const blank = await stack.http(`/directory/idps/${created.body.id}/users?q=%20`, enroll);
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toContain('q');

    const alice = await stack.http('/directory/users/alice@example.com', enroll);
    expect(alice.status, alice.text).toBe(200);
    expect(alice.body).toMatchObject({
      user: { name: 'alice@example.com' },
      idp: { id: created.body.id, name: 'entra-dir', type: 'entra' },
    });
    const bob = await stack.http('/directory/users/bob@example.com', enroll);
    expect(bob.body.idp.name, 'bob is mapped to PingOne by an earlier test').toBe('ping-map');
    const nobody = await stack.http('/directory/users/nobody@example.com', enroll);
    expect(nobody.status).toBe(404);

    await stack.http(`/idps/${created.body.id}`, { method: 'DELETE' });
    const noDefault = await stack.http('/directory/users/alice@example.com', enroll);
    expect(noDefault.status).toBe(409);
    expect(noDefault.body.error.message).toContain('no default identity provider is configured');
  });
});
