import { randomBytes } from 'node:crypto';
import { createAuthenticator } from '@keyward/authenticator-sim';
import {
  freePort,
  type ManagedProcess,
  type MongoServer,
  repoRoot,
  spawnProcess,
  startMongo,
  uniqueDbName,
  waitForPort,
} from '@keyward/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type GatewayHarness, startGatewayHarness } from './support/gatewayHarness.ts';

let h: GatewayHarness;
let mongo: MongoServer;
let policy: ManagedProcess;
let reporting: ManagedProcess;
let policyUrl: string;

/** A real service as its own process (services never import each other). */
async function startService(
  name: string,
  env: Record<string, string>,
): Promise<{ proc: ManagedProcess; url: string }> {
  const port = await freePort();
  const proc = spawnProcess({
    name,
    command: process.execPath,
    args: ['--import', 'tsx', `services/${name}/src/main.ts`],
    cwd: repoRoot(),
    env: {
      ...process.env,
      NATS_URL: h.nats.url,
      NATS_CREDENTIALS: h.nats.credentialsFile(name),
      MONGO_URL: mongo.url,
      MONGO_DB: uniqueDbName(name),
      HTTP_PORT: String(port),
      AUTH_ISSUER: h.issuer.issuer,
      AUTH_JWKS_URL: h.issuer.jwksUrl,
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  try {
    await waitForPort({ port, abort: proc.exitReason });
  } catch (error) {
    throw new Error(`${name} service did not start: ${(error as Error).message}\n${proc.output()}`);
  }
  return { proc, url: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  h = await startGatewayHarness({ policyStandIn: false, reportingStandIn: false });
  mongo = await startMongo();
  const p = await startService('policy', { KEYWARD_KEK: randomBytes(32).toString('base64') });
  policy = p.proc;
  policyUrl = p.url;
  reporting = (await startService('reporting', {})).proc;
}, 180_000);
afterAll(async () => {
  await policy?.stop();
  await reporting?.stop();
  await h?.stop();
  await mongo?.stop();
});

/** The inventory is an event projection: re-read the device view until it caught up. */
// biome-ignore lint/suspicious/noExplicitAny: a device view body, asserted field by field
type View = Record<string, any>;
async function pollView(read: () => Promise<View>, done: (v: View) => boolean): Promise<View> {
  for (let i = 0; i < 200; i += 1) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  return read();
}

async function createPolicy(body: unknown): Promise<string> {
  const res = await fetch(`${policyUrl}/policies`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${h.token(['policy:write'])}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { id: string };
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json.id;
}

describe('with the real policy and reporting services', () => {
  it('configures a key from a stored policy; the vaulted PIN is the one on the key', async () => {
    const policyId = await createPolicy({
      name: 'Gateway e2e',
      pin: { minLength: 6, generatedLength: 8 },
      key: { minPinLength: 6 },
    });
    const key = await h.gateway.sim!.plug({ profile: 'generic' });
    const r = await h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, {
      body: { policyId },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.run).toMatchObject({
      state: 'succeeded',
      policyName: 'Gateway e2e',
      policyVersion: 1,
    });
    expect(r.body.run.completedSteps).toContain('setPin');
    const view = await h.api('GET', `/devices/${key.deviceId}`);
    expect(view.body).toMatchObject({ status: 'CONFIGURED', pinSet: true, minPinLength: 6 });
    // The PIN from the vault unlocks the key: a user-verified assertion with it succeeds.
    const pin = await h.api('GET', `/devices/${key.deviceId}/pin`, {
      permissions: ['device:read', 'device:userpin:read'],
    });
    expect(pin.status, pin.text).toBe(200);
    expect(pin.body.userPin).toMatch(/^.{8}$/);
    const test = await h.api('POST', `/devices/${key.deviceId}/test?wait=true`, { body: {} });
    expect(test.status, test.text).toBe(200);
    expect(test.body.result).toMatchObject({ passed: true, userVerified: true });
    const configured = await eventually(
      () =>
        h.events.find((e) => e.type === 'keyward.device.configured' && e.subject === key.serial),
      'device.configured',
    );
    expect(configured.raw).not.toContain(pin.body.userPin);
  });

  it('reads the PIN for assign and test in the REST caller’s name, so policy audits the administrator', async () => {
    const policyId = await createPolicy({ name: 'Audited PIN reads', pin: { minLength: 6 } });
    const key = await h.gateway.sim!.plug({ profile: 'generic' });
    const c = await h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, {
      body: { policyId },
    });
    expect(c.status, c.text).toBe(200);
    const assign = await h.api('POST', `/devices/${key.deviceId}/assign?wait=true`, {
      body: { user: 'audit@example.com' },
      sub: 'admin-ann',
    });
    expect(assign.status, assign.text).toBe(200);
    const test = await h.api('POST', `/devices/${key.deviceId}/test?wait=true`, {
      body: {},
      sub: 'admin-ben',
    });
    expect(test.status, test.text).toBe(200);
    const reads = () =>
      h.events.filter((e) => e.type === 'keyward.pin.read' && e.subject === key.serial);
    await eventually(() => reads().length >= 2 && reads(), 'two keyward.pin.read events');
    expect(reads().map((e) => e.actor)).toEqual(['user:admin-ann', 'user:admin-ben']);
    // The gateway stays identifiable: the event names which gateway read the PIN.
    for (const e of reads())
      expect(e.data).toMatchObject({ gatewayId: 'gw-test', granted: ['user'] });
  });

  it('shows ENROLLED and the user from the reporting inventory after configure and assign', async () => {
    const policyId = await createPolicy({ name: 'Inventory e2e', pin: { minLength: 6 } });
    const key = await h.gateway.sim!.plug({ profile: 'generic' });
    expect(
      (await h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, { body: { policyId } }))
        .status,
    ).toBe(200);
    const statusOf = async () => (await h.api('GET', `/devices/${key.deviceId}`)).body;
    let view = await pollView(
      statusOf,
      (v) => v.status === 'CONFIGURED' && v.policy?.id === policyId,
    );
    expect(view).toMatchObject({
      status: 'CONFIGURED',
      policy: { id: policyId, version: 1 },
      unknownFields: [],
    });
    const assign = await h.api('POST', `/devices/${key.deviceId}/assign?wait=true`, {
      body: { user: 'ann@example.com' },
    });
    expect(assign.status, assign.text).toBe(200);
    view = await pollView(statusOf, (v) => v.status === 'ENROLLED');
    expect(view).toMatchObject({
      status: 'ENROLLED',
      user: { id: 'ann@example.com' },
      idpId: 'default-idp',
    });
  });

  it('takes a key linked to a policy through READY, apply-policy and IN STOCK, and out of stock on assign', async () => {
    const policyId = await createPolicy({ name: 'Linked e2e', pin: { minLength: 6 } });
    const key = await h.gateway.sim!.plug({ profile: 'generic' });
    const link = await fetch(`${policyUrl}/policies/${policyId}/devices`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${h.token(['policy:write'])}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ serials: [key.serial] }),
    });
    expect(link.status).toBe(200);
    const statusOf = async () => (await h.api('GET', `/devices/${key.deviceId}`)).body;
    let view = await pollView(statusOf, (v) => v.status === 'READY');
    expect(view).toMatchObject({ status: 'READY', policy: { id: policyId, version: 1 } });

    const apply = await h.api('POST', `/devices/${key.deviceId}/apply-policy?wait=true`, {
      body: {},
    });
    expect(apply.status, apply.text).toBe(200);
    view = await pollView(statusOf, (v) => v.status === 'CONFIGURED');
    expect(view).toMatchObject({ status: 'CONFIGURED', policy: { id: policyId, version: 1 } });

    const stock = await h.api('POST', `/devices/${key.deviceId}/stock`, { body: {} });
    expect(stock.status, stock.text).toBe(200);
    view = await pollView(statusOf, (v) => v.status === 'IN_STOCK');
    expect(view).toMatchObject({ status: 'IN_STOCK', statusLabel: 'IN STOCK' });
    const stocked = h.events.find(
      (e) => e.type === 'keyward.device.stocked' && e.subject === key.serial,
    );
    expect(stocked).toMatchObject({ actor: 'user:alice', data: { policyId } });

    const assign = await h.api('POST', `/devices/${key.deviceId}/assign?wait=true`, {
      body: { user: 'stock@example.com' },
    });
    expect(assign.status, assign.text).toBe(200);
    await pollView(statusOf, (v) => v.status === 'ENROLLED');
    const again = await h.api('POST', `/devices/${key.deviceId}/stock`, { body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('ENROLLED');
  });

  it('unlocks a PIN-blocked enterprise key remotely with the unlock secret the policy vaulted', async () => {
    const policyId = await createPolicy({
      name: 'Managed',
      pin: { minLength: 6 },
      adminPin: { enabled: true, length: 12 },
    });
    const key = await h.gateway.sim!.plug({ profile: 'enterprise' });
    const c = await h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, {
      body: { policyId },
    });
    expect(c.status, c.text).toBe(200);
    expect(c.body.run.completedSteps).toContain('setAdminPin');
    const state = h.gateway.sim!.authenticator(key.deviceId).state();
    state.pin.retries = 0;
    await h.gateway.sim!.unplug(key.deviceId);
    const blocked = await h.gateway.sim!.adopt(createAuthenticator({ state }));
    expect((await h.api('GET', `/devices/${blocked.deviceId}`)).body.flags.locked).toBe(true);
    // The console checks a chosen PIN as it is typed, against the key's policy.
    const short = await h.api('POST', `/devices/${blocked.deviceId}/pin-check`, {
      body: { pin: '7391' },
    });
    expect(short.status, short.text).toBe(200);
    expect(short.body).toMatchObject({
      ok: false,
      problems: [{ code: 'tooShort' }],
      policy: { id: policyId, name: 'Managed' },
    });
    expect(short.text).not.toContain('7391');
    const good = await h.api('POST', `/devices/${blocked.deviceId}/pin-check`, {
      body: { pin: '73915582' },
    });
    expect(good.body).toMatchObject({ ok: true, problems: [] });
    const r = await h.api('POST', `/devices/${blocked.deviceId}/unlock?wait=true`, {
      body: { method: 'remote', pinSource: 'chosen', newPin: '73915582' },
    });
    expect(r.status, r.text).toBe(200);
    const view = await h.api('GET', `/devices/${blocked.deviceId}`);
    expect(view.body.flags.locked).toBe(false);
    const pin = await h.api('GET', `/devices/${blocked.deviceId}/pin`, {
      permissions: ['device:read', 'device:userpin:read'],
    });
    expect(pin.body.userPin).toBe('73915582');
  });

  it('issue 19: a wrong admin PIN leaves the vaulted PIN the one the key has, and a retry with it burns nothing', async () => {
    const policyId = await createPolicy({
      name: 'Issue 19',
      pin: { minLength: 6 },
      adminPin: { enabled: true, length: 12 },
    });
    const key = await h.gateway.sim!.plug({ profile: 'enterprise' });
    const c = await h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, {
      body: { policyId },
    });
    expect(c.status, c.text).toBe(200);
    const readUserPin = async (deviceId: string) => {
      const r = await h.api('GET', `/devices/${deviceId}/pin`, {
        permissions: ['device:read', 'device:userpin:read'],
      });
      expect(r.status, r.text).toBe(200);
      return r.body.userPin as string;
    };
    const vaulted = await readUserPin(key.deviceId);
    const adminPin = (
      await h.api('GET', `/devices/${key.deviceId}/pin`, {
        permissions: ['device:read', 'device:adminpin:read'],
      })
    ).body.adminPin as string;
    const state = h.gateway.sim!.authenticator(key.deviceId).state();
    const fullRetries = state.pin.retries;
    state.pin.retries = 0;
    await h.gateway.sim!.unplug(key.deviceId);
    let blocked = await h.gateway.sim!.adopt(createAuthenticator({ state }));

    // Both ways of choosing the new PIN; the key refuses the admin PIN each time.
    for (const body of [
      { adminPin: 'not-the-admin-pin', pinSource: 'chosen', newPin: '51739468' },
      { adminPin: 'not-the-admin-pin', pinSource: 'generated' },
    ]) {
      const r = await h.api('POST', `/devices/${blocked.deviceId}/unlock?wait=true`, { body });
      expect(r.status, r.text).toBe(422);
      expect(r.body.error.code).toBe('CTAP_ERROR');
      expect(r.body.result?.newPin).toBeUndefined();
    }

    // The key still has its PIN: give it back its retries (only the counter, not the PIN; a
    // LOCKED key shows no PIN), then the vault must still hold that PIN and the gateway's
    // functional test must get a PIN token with it.
    const after = h.gateway.sim!.authenticator(blocked.deviceId).state();
    after.pin.retries = fullRetries;
    await h.gateway.sim!.unplug(blocked.deviceId);
    blocked = await h.gateway.sim!.adopt(createAuthenticator({ state: after }));
    expect(await readUserPin(blocked.deviceId)).toBe(vaulted);
    const test = await h.api('POST', `/devices/${blocked.deviceId}/test?wait=true`, { body: {} });
    expect(test.status, test.text).toBe(200);
    expect(test.body.result).toMatchObject({ passed: true, userVerified: true });
    const view = await h.api('GET', `/devices/${blocked.deviceId}`);
    expect(view.body.pinRetries).toBe(fullRetries);

    // A later unlock with the right admin PIN still works, and its PIN is the vault's.
    const relock = h.gateway.sim!.authenticator(blocked.deviceId).state();
    relock.pin.retries = 0;
    await h.gateway.sim!.unplug(blocked.deviceId);
    blocked = await h.gateway.sim!.adopt(createAuthenticator({ state: relock }));
    const ok = await h.api('POST', `/devices/${blocked.deviceId}/unlock?wait=true`, {
      body: { adminPin, pinSource: 'chosen', newPin: '51739468' },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(await readUserPin(blocked.deviceId)).toBe('51739468');
    const retest = await h.api('POST', `/devices/${blocked.deviceId}/test?wait=true`, {
      body: {},
    });
    expect(retest.body.result).toMatchObject({ passed: true, userVerified: true });
  });

  it('turns an unknown policy into a clear failure of the key run', async () => {
    const key = await h.gateway.sim!.plug({ profile: 'generic' });
    const r = await h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, {
      body: { policyId: 'no-such-policy' },
    });
    expect(r.status).toBe(404);
    expect(r.body.error.message).toContain('policy service');
  });
});
