import { policyRequests } from '@keyward/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PolicyStack, startPolicyStack } from './support/stack.ts';

let stack: PolicyStack;
let writer: string;
let reader: string;

beforeAll(async () => {
  stack = await startPolicyStack();
  writer = stack.token(['policy:write', 'device:read'], 'alice');
  reader = stack.token(['device:read'], 'bob');
});
afterAll(async () => {
  await stack?.stop();
});

const body = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  pin: { minLength: 6, generatedLength: 8 },
  ...extra,
});

describe('policy CRUD and versioning over REST', () => {
  it('creates version 1, readable by id, in the list, and announced as policy.created', async () => {
    const created = await stack.http('POST', '/policies', {
      token: writer,
      body: body('Create me'),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Create me', version: 1, updatedBy: 'user:alice' });
    const id = created.body.id;
    expect((await stack.http('GET', `/policies/${id}`, { token: reader })).body).toEqual(
      created.body,
    );
    const list = await stack.http('GET', '/policies', { token: reader });
    expect(list.body.policies.map((p: { id: string }) => p.id)).toContain(id);
    await stack.waitForEvent(
      (e) => e.type === 'keyward.policy.created' && e.data.policyId === id,
      'policy.created',
    );
    expect(
      stack.events.filter((e) => e.type === 'keyward.policy.created' && e.data.policyId === id),
    ).toEqual([
      expect.objectContaining({
        subject: 'keyward.evt.policy.created',
        actor: 'user:alice',
        data: { policyId: id, name: 'Create me', version: 1 },
      }),
    ]);
  });

  it('updates with the current version, keeps history, and refuses a stale version with 409', async () => {
    const { body: v1 } = await stack.http('POST', '/policies', {
      token: writer,
      body: body('Versioned'),
    });
    const update = await stack.http('PUT', `/policies/${v1.id}`, {
      token: writer,
      body: { ...body('Versioned', { key: { alwaysUv: true } }), expectedVersion: 1 },
    });
    expect(update.status).toBe(200);
    expect(update.body.version).toBe(2);
    expect(update.body.key.alwaysUv).toBe(true);

    const stale = await stack.http('PUT', `/policies/${v1.id}`, {
      token: writer,
      body: { ...body('Versioned', { description: 'late' }), expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'CONFLICT',
      message: `policy ${v1.id} is at version 2, the change was based on version 1`,
    });

    const old = await stack.http('GET', `/policies/${v1.id}?version=1`, { token: reader });
    expect(old.body).toMatchObject({ version: 1, key: { residentKey: 'preferred' } });
    expect(old.body.key.alwaysUv).toBeUndefined();
    const history = await stack.http('GET', `/policies/${v1.id}/versions`, { token: reader });
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const updated = await stack.waitForEvent(
      (e) => e.type === 'keyward.policy.updated' && e.data.policyId === v1.id,
      'policy.updated',
    );
    expect(updated?.data).toEqual({
      policyId: v1.id,
      name: 'Versioned',
      version: 2,
      changedFields: ['key'],
    });
  });

  it('treats re-sending the current content as a no-op (same version, no event)', async () => {
    const { body: v1 } = await stack.http('POST', '/policies', {
      token: writer,
      body: body('Idempotent'),
    });
    const again = await stack.http('PUT', `/policies/${v1.id}`, {
      token: writer,
      body: { ...body('Idempotent'), expectedVersion: 1 },
    });
    expect(again.body.version).toBe(1);
    // Barrier: events of one publisher arrive in order, so once this later event is here, an
    // updated event for the no-op would have been seen.
    const { body: later } = await stack.http('POST', '/policies', {
      token: writer,
      body: body('Idempotent barrier'),
    });
    await stack.waitForEvent(
      (e) => e.type === 'keyward.policy.created' && e.data.policyId === later.id,
      'policy.created (barrier)',
    );
    expect(
      stack.events.some((e) => e.type === 'keyward.policy.updated' && e.data.policyId === v1.id),
    ).toBe(false);
  });

  it('lets exactly one of two concurrent updates from the same version win', async () => {
    const { body: v1 } = await stack.http('POST', '/policies', {
      token: writer,
      body: body('Race'),
    });
    const results = await Promise.all(
      ['a', 'b', 'c'].map((d) =>
        stack.http('PUT', `/policies/${v1.id}`, {
          token: writer,
          body: { ...body('Race', { description: d }), expectedVersion: 1 },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const head = await stack.http('GET', `/policies/${v1.id}`, { token: reader });
    expect(head.body.version).toBe(2);
    const winner = results.find((r) => r.status === 200)!.body.description;
    expect(head.body.description).toBe(winner);
  });

  it('deletes with the current version only; history stays readable; then 404', async () => {
    const { body: v1 } = await stack.http('POST', '/policies', {
      token: writer,
      body: body('Delete me'),
    });
    expect(
      (await stack.http('DELETE', `/policies/${v1.id}?expectedVersion=2`, { token: writer }))
        .status,
    ).toBe(409);
    expect(
      (await stack.http('DELETE', `/policies/${v1.id}?expectedVersion=1`, { token: writer }))
        .status,
    ).toBe(200);
    const gone = await stack.http('GET', `/policies/${v1.id}`, { token: reader });
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({
      code: 'NOT_FOUND',
      message: `policy ${v1.id} not found`,
    });
    expect(
      (await stack.http('GET', `/policies/${v1.id}?version=1`, { token: reader })).body.name,
    ).toBe('Delete me');
    await stack.waitForEvent(
      (e) => e.type === 'keyward.policy.deleted' && e.data.policyId === v1.id,
      'policy.deleted',
    );
  });

  it('answers 400 naming the field for bad input, and for contradictions', async () => {
    const bad = await stack.http('POST', '/policies', {
      token: writer,
      body: { name: 'Bad', pin: { minLength: 2 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.message).toContain('body.pin.minLength');
    const contradiction = await stack.http('POST', '/policies', {
      token: writer,
      body: body('Contradiction', { key: { minPinLength: 10 } }),
    });
    expect(contradiction.status).toBe(400);
    expect(contradiction.body.error.message).toMatch(
      /^key\.minPinLength: was 10, but pin\.minLength is 6/,
    );
    expect(contradiction.body.error.details.issues).toEqual([
      { path: 'key.minPinLength', message: expect.any(String) },
    ]);
  });

  it('refuses a second policy with the same name (409)', async () => {
    await stack.http('POST', '/policies', { token: writer, body: body('Unique') });
    const dup = await stack.http('POST', '/policies', { token: writer, body: body('Unique') });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toBe('a policy named "Unique" already exists');
  });

  it('checks permissions: 401 without a token, 403 for a reader writing', async () => {
    expect((await stack.http('GET', '/policies')).status).toBe(401);
    const forbidden = await stack.http('POST', '/policies', { token: reader, body: body('Nope') });
    expect(forbidden.status).toBe(403);
    expect(
      (await stack.http('DELETE', '/policies/x?expectedVersion=1', { token: reader })).status,
    ).toBe(403);
  });

  it('serves keyward.policy.get on NATS, latest or by version, and NOT_FOUND', async () => {
    const { body: v1 } = await stack.http('POST', '/policies', {
      token: writer,
      body: body('Over NATS'),
    });
    await stack.http('PUT', `/policies/${v1.id}`, {
      token: writer,
      body: { ...body('Over NATS', { description: 'v2' }), expectedVersion: 1 },
    });
    expect(await stack.call(policyRequests.get, { policyId: v1.id })).toMatchObject({
      ok: true,
      data: { version: 2, description: 'v2' },
    });
    expect(await stack.call(policyRequests.get, { policyId: v1.id, version: 1 })).toMatchObject({
      ok: true,
      data: { version: 1, description: '' },
    });
    expect(await stack.call(policyRequests.get, { policyId: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('documents every route in /openapi.json', async () => {
    const doc = await stack.http('GET', '/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/policies',
        '/policies/{id}',
        '/policies/{id}/versions',
        '/policies/{id}/devices',
        '/policies/{id}/devices/{serial}',
        '/devices/{serial}/pins/user',
        '/devices/{serial}/pins/admin',
        '/devices/{serial}/unlock-response',
        '/mds',
        '/mds/entries/{aaguid}',
        '/mds/refresh',
      ]),
    );
  });
});

describe('keys linked to a policy ahead of configuration', () => {
  it('links serials to the current version, moves a relinked key, unlinks, and announces each change', async () => {
    const { body: a } = await stack.http('POST', '/policies', {
      token: writer,
      body: body('Link A'),
    });
    const { body: b } = await stack.http('POST', '/policies', {
      token: writer,
      body: body('Link B'),
    });
    const linked = await stack.http('POST', `/policies/${a.id}/devices`, {
      token: writer,
      body: { serials: ['LNK-1', 'LNK-2', 'LNK-1'] },
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toEqual({ policyId: a.id, policyVersion: 1, linked: ['LNK-1', 'LNK-2'] });
    const event = await stack.waitForEvent(
      (e) => e.type === 'keyward.policy.device_linked' && e.data.serial === 'LNK-2',
      'policy.device_linked',
    );
    expect(event).toMatchObject({
      actor: 'user:alice',
      data: { serial: 'LNK-2', policyId: a.id, policyVersion: 1 },
    });
    // Linking to another policy moves the key.
    await stack.http('POST', `/policies/${b.id}/devices`, {
      token: writer,
      body: { serials: ['LNK-1'] },
    });
    const listA = await stack.http('GET', `/policies/${a.id}/devices`, { token: reader });
    expect(listA.body.devices.map((d: { serial: string }) => d.serial)).toEqual(['LNK-2']);
    expect(listA.body.devices[0]).toMatchObject({ policyVersion: 1, linkedBy: 'user:alice' });
    const listB = await stack.http('GET', `/policies/${b.id}/devices`, { token: reader });
    expect(listB.body.devices.map((d: { serial: string }) => d.serial)).toEqual(['LNK-1']);

    const unlinked = await stack.http('DELETE', `/policies/${a.id}/devices/LNK-2`, {
      token: writer,
    });
    expect(unlinked.status).toBe(200);
    await stack.waitForEvent(
      (e) => e.type === 'keyward.policy.device_unlinked' && e.data.serial === 'LNK-2',
      'policy.device_unlinked',
    );
    const again = await stack.http('DELETE', `/policies/${a.id}/devices/LNK-2`, { token: writer });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toContain('LNK-2');
  });

  it('refuses a link without policy:write (403), with no serials (400 naming the field) or to a missing policy (404)', async () => {
    const { body: p } = await stack.http('POST', '/policies', {
      token: writer,
      body: body('Link C'),
    });
    const denied = await stack.http('POST', `/policies/${p.id}/devices`, {
      token: reader,
      body: { serials: ['LNK-9'] },
    });
    expect(denied.status).toBe(403);
    const empty = await stack.http('POST', `/policies/${p.id}/devices`, {
      token: writer,
      body: { serials: [] },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('serials');
    const missing = await stack.http('POST', '/policies/no-such-policy/devices', {
      token: writer,
      body: { serials: ['LNK-9'] },
    });
    expect(missing.status).toBe(404);
    expect(stack.events.some((e) => e.data.serial === 'LNK-9')).toBe(false);
  });

  it('refuses to delete a policy keys are linked to, naming them, until they are unlinked', async () => {
    const { body: p } = await stack.http('POST', '/policies', {
      token: writer,
      body: body('Link D'),
    });
    await stack.http('POST', `/policies/${p.id}/devices`, {
      token: writer,
      body: { serials: ['LNK-D1', 'LNK-D2'] },
    });
    const refused = await stack.http('DELETE', `/policies/${p.id}?expectedVersion=1`, {
      token: writer,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expect(refused.body.error.details.serials).toEqual(['LNK-D1', 'LNK-D2']);
    expect(refused.body.error.message).toContain('LNK-D1, LNK-D2');
    expect((await stack.http('GET', `/policies/${p.id}`, { token: reader })).status).toBe(200);
    expect(
      (await stack.http('GET', `/policies/${p.id}/devices`, { token: reader })).body.devices,
    ).toHaveLength(2);
    for (const serial of ['LNK-D1', 'LNK-D2'])
      await stack.http('DELETE', `/policies/${p.id}/devices/${serial}`, { token: writer });
    const del = await stack.http('DELETE', `/policies/${p.id}?expectedVersion=1`, {
      token: writer,
    });
    expect(del.status).toBe(200);
  });
});
