import { randomBytes } from 'node:crypto';
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
let policyUrl: string;

beforeAll(async () => {
  h = await startGatewayHarness({ policyStandIn: false });
  mongo = await startMongo();
  const port = await freePort();
  policyUrl = `http://127.0.0.1:${port}`;
  // The real policy service, as its own process (services never import each other).
  policy = spawnProcess({
    name: 'policy',
    command: process.execPath,
    args: ['--import', 'tsx', 'services/policy/src/main.ts'],
    cwd: repoRoot(),
    env: {
      ...process.env,
      NATS_URL: h.nats.url,
      MONGO_URL: mongo.url,
      MONGO_DB: uniqueDbName('policy'),
      HTTP_PORT: String(port),
      AUTH_ISSUER: h.issuer.issuer,
      AUTH_JWKS_URL: h.issuer.jwksUrl,
      KEYWARD_KEK: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
    },
  });
  try {
    await waitForPort({ port, abort: policy.exitReason });
  } catch (error) {
    throw new Error(
      `policy service did not start: ${(error as Error).message}\n${policy.output()}`,
    );
  }
}, 180_000);
afterAll(async () => {
  await policy?.stop();
  await h?.stop();
  await mongo?.stop();
});

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

describe('with the real policy service', () => {
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

  it('turns an unknown policy into a clear failure of the key run', async () => {
    const key = await h.gateway.sim!.plug({ profile: 'generic' });
    const r = await h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, {
      body: { policyId: 'no-such-policy' },
    });
    expect(r.status).toBe(404);
    expect(r.body.error.message).toContain('policy service');
  });
});
