import { createAuthenticator } from '@keyward/authenticator-sim';
import { Kvm } from '@nats-io/kv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type GatewayHarness, startGatewayHarness } from './support/gatewayHarness.ts';

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGatewayHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function configured(profile: 'generic' | 'enterprise', presence?: 'manual' | 'deny') {
  const key = await h.gateway.sim!.plug({
    profile,
    ...(presence ? { presence: { kind: presence } } : {}),
  });
  const r = await h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, {
    body: { policyId: profile === 'enterprise' ? 'ent' : 'std' },
  });
  expect(r.status, r.text).toBe(200);
  return key;
}

describe('assign (enroll) and functional test', () => {
  it('enrolls a passkey on a configured key for a user and then tests it with the enrolled credential', async () => {
    const key = await configured('generic');
    const r = await h.api('POST', `/devices/${key.deviceId}/assign?wait=true`, {
      body: { user: 'jdoe@example.com', notifyUser: false },
    });
    expect(r.status, r.text).toBe(200);
    // The admin's choice about the user's e-mail travels with the enrollment to identity.
    const begun = [...h.responders.enrollments.values()].find((e) => e.serial === key.serial);
    expect(begun).toMatchObject({ user: 'jdoe@example.com', notifyUser: false, completed: true });
    expect(r.body.result).toMatchObject({ idpId: 'default-idp', user: { id: 'jdoe@example.com' } });
    expect(r.body.run).toMatchObject({
      state: 'succeeded',
      user: 'jdoe@example.com',
      completedSteps: ['begin', 'makeCredential', 'complete'],
    });
    const enrolled = await eventually(
      () => h.events.find((e) => e.type === 'keyward.device.enrolled' && e.subject === key.serial),
      'device.enrolled',
    );
    expect(enrolled.data).toMatchObject({
      idpId: 'default-idp',
      credentialId: r.body.result.credentialId,
    });
    const credentialId = r.body.result.credentialId as string;
    h.responders.inventory.set(key.serial, {
      serial: key.serial,
      aaguid: '8f4c0add-96f0-404f-80e0-4cb0c1012d04',
      status: 'ENROLLED',
      policyId: 'std',
      credentialId,
      user: { id: 'jdoe@example.com' },
    });
    const test = await h.api('POST', `/devices/${key.deviceId}/test?wait=true`, {
      body: { rpId: 'login.example.com' },
    });
    expect(test.status, test.text).toBe(200);
    expect(test.body.result).toMatchObject({ passed: true, credentialId, userVerified: true });
    expect(test.body.result.durationMs).toBeGreaterThanOrEqual(0);
    const view = await h.api('GET', `/devices/${key.deviceId}`);
    expect(view.body).toMatchObject({ status: 'ENROLLED', user: { id: 'jdoe@example.com' } });
  });

  it('fails an enrollment the user declines on the key precisely, cancels it at the IdP and leaves the key as before', async () => {
    const key = await configured('generic', 'deny');
    const r = await h.api('POST', `/devices/${key.deviceId}/assign?wait=true`, {
      body: { user: 'jdoe', idpId: 'okta-1' },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('CTAP_ERROR');
    const failed = await eventually(
      () =>
        h.events.find((e) => e.type === 'keyward.device.enroll_failed' && e.subject === key.serial),
      'enroll_failed',
    );
    expect(failed.data).toMatchObject({ idpId: 'okta-1', retryable: true });
    const enrollment = [...h.responders.enrollments.values()].find((e) => e.serial === key.serial);
    expect(enrollment).toMatchObject({ completed: false, cancelled: true });
  });

  it('tests a configured, unenrolled key with a throwaway credential', async () => {
    const key = await configured('generic');
    const r = await h.api('POST', `/devices/${key.deviceId}/test?wait=true`, { body: {} });
    expect(r.status, r.text).toBe(200);
    expect(r.body.result).toMatchObject({ passed: true });
  });
});

describe('initial PIN view per permission table', () => {
  it('shows a standard key’s user PIN to device:userpin:read, and audits it without the PIN', async () => {
    const key = await configured('generic');
    const pin = h.responders.vault.get(key.serial)!.userPin!;
    const r = await h.api('GET', `/devices/${key.deviceId}/pin`, {
      permissions: ['device:read', 'device:userpin:read', 'device:adminpin:read'],
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ userPin: pin });
    const viewed = await eventually(
      () =>
        h.events.find((e) => e.type === 'keyward.device.pin_viewed' && e.subject === key.serial),
      'pin_viewed',
    );
    expect(viewed.data.revealed).toEqual(['user']);
    expect(viewed.raw).not.toContain(pin);
  });

  it('answers 403 with no PIN option to a caller without PIN permissions', async () => {
    const key = await configured('generic');
    const r = await h.api('GET', `/devices/${key.deviceId}/pin`, { permissions: ['device:read'] });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
    expect(r.text).not.toMatch(/userPin|adminPin/);
    const adminOnly = await h.api('GET', `/devices/${key.deviceId}/pin`, {
      permissions: ['device:read', 'device:adminpin:read'],
    });
    expect(adminOnly.status).toBe(403);
  });

  it('audits a refused PIN view as keyward.admin.access_denied naming the caller, without a PIN', async () => {
    const key = await configured('generic');
    const pin = h.responders.vault.get(key.serial)!.userPin!;
    const r = await h.api('GET', `/devices/${key.deviceId}/pin`, {
      permissions: ['device:read'],
      sub: 'mallory',
    });
    expect(r.status).toBe(403);
    const denied = await eventually(
      () =>
        h.events.find(
          (e) => e.type === 'keyward.admin.access_denied' && e.actor === 'user:mallory',
        ),
      'access_denied for the refused PIN view',
    );
    expect(denied.data).toMatchObject({
      service: 'device-gateway',
      method: 'GET',
      permission: 'device:userpin:read',
    });
    // service-kit names the route pattern, not the device (see report: KIT could add it).
    expect(denied.data.path).toBe('/devices/:id/pin');
    expect(denied.raw).not.toContain(pin);
  });

  it('shows an enterprise key’s user and admin PIN each to its own permission', async () => {
    const key = await configured('enterprise');
    const sealed = h.responders.vault.get(key.serial)!;
    const both = await h.api('GET', `/devices/${key.deviceId}/pin`, {
      permissions: ['device:read', 'device:userpin:read', 'device:adminpin:read'],
    });
    expect(both.body).toEqual({ userPin: sealed.userPin, adminPin: sealed.adminPin });
    const admin = await h.api('GET', `/devices/${key.deviceId}/pin`, {
      permissions: ['device:read', 'device:adminpin:read'],
    });
    expect(admin.body).toEqual({ adminPin: sealed.adminPin });
    const user = await h.api('GET', `/devices/${key.deviceId}/pin`, {
      permissions: ['device:read', 'device:userpin:read'],
    });
    expect(user.body).toEqual({ userPin: sealed.userPin });
  });
});

describe('reset', () => {
  it('resets after remove/reinsert and touch, ending NOT CONFIGURED', async () => {
    const key = await configured('generic', 'manual');
    // Configure needed no touch; the reset will.
    const r = await h.api('POST', `/devices/${key.deviceId}/reset`, { body: {} });
    expect(r.status, r.text).toBe(202);
    const sessionId = r.body.sessionId as string;
    const run = () => h.gateway.core.sessions.get(sessionId)!.keys[key.serial]!;
    await eventually(() => run().state === 'waiting-for-reinsert', 'asked to reinsert');
    const back = await h.api('POST', `/simulation/devices/${key.deviceId}/reinsert`);
    expect(back.status).toBe(200);
    await eventually(() => run().state === 'waiting-for-touch', 'asked for a touch');
    expect((await h.api('POST', `/simulation/devices/${back.body.deviceId}/touch`)).status).toBe(
      204,
    );
    await eventually(() => run().state === 'succeeded', 'reset done');
    const view = await h.api('GET', `/devices/${back.body.deviceId}`);
    expect(view.body).toMatchObject({ status: 'NOT_CONFIGURED', pinSet: false });
    await eventually(
      () => h.events.find((e) => e.type === 'keyward.device.reset' && e.subject === key.serial),
      'device.reset',
    );
  });

  it('fails clearly and retryably when the touch is refused', async () => {
    const key = await configured('generic', 'deny');
    const r = await h.api('POST', `/devices/${key.deviceId}/reset`, { body: {} });
    const sessionId = r.body.sessionId as string;
    const run = () => h.gateway.core.sessions.get(sessionId)!.keys[key.serial]!;
    await eventually(() => run().state === 'waiting-for-reinsert', 'asked to reinsert');
    await h.api('POST', `/simulation/devices/${key.deviceId}/reinsert`);
    await eventually(() => run().state === 'failed', 'reset failed');
    expect(run().error?.code).toBe('CTAP_ERROR');
    const failed = await eventually(
      () =>
        h.events.find((e) => e.type === 'keyward.device.reset_failed' && e.subject === key.serial),
      'reset_failed',
    );
    expect(failed.data.retryable).toBe(true);
  });

  it('refuses a managed-key reset with a wrong admin PIN before the reinsert, leaving the key untouched', async () => {
    const key = await configured('enterprise');
    const sim = () => h.gateway.sim!.authenticator(key.deviceId).state();
    const before = sim();
    expect(before.admin.retries).toBe(8);
    const r = await h.api('POST', `/devices/${key.deviceId}/reset?wait=true`, {
      body: { adminPin: '00000000' },
    });
    expect(r.status, r.text).toBe(422);
    expect(r.body.error.code).toBe('CTAP_ERROR');
    expect(r.body.error.message).toContain('The PIN is wrong (7 retries left)');
    expect(r.body.error.details).toMatchObject({
      statusName: 'CTAP2_ERR_PIN_INVALID',
      command: 'keyward-sim.verifyAdminPin',
      retries: 7,
    });
    expect(r.text).not.toContain('00000000');
    const after = sim();
    expect(after.admin.retries).toBe(7);
    expect(after.pin).toEqual(before.pin);
    expect(after.credentials).toEqual(before.credentials);
    const view = await h.api('GET', `/devices/${key.deviceId}`);
    expect(view.body).toMatchObject({ pinSet: true, adminPinRetries: 7 });
    const failed = await eventually(
      () =>
        h.events.find((e) => e.type === 'keyward.device.reset_failed' && e.subject === key.serial),
      'reset_failed',
    );
    expect(failed.data).toMatchObject({ error: { code: 'CTAP_ERROR' }, retryable: true });
    expect(failed.raw).not.toContain('00000000');
  });

  it('resets a managed key after the right admin PIN, reinsert and touch', async () => {
    const key = await configured('enterprise');
    const adminPin = h.responders.vault.get(key.serial)!.adminPin!;
    const r = await h.api('POST', `/devices/${key.deviceId}/reset`, { body: { adminPin } });
    expect(r.status, r.text).toBe(202);
    const run = () => h.gateway.core.sessions.get(r.body.sessionId as string)!.keys[key.serial]!;
    await eventually(() => run().state === 'waiting-for-reinsert', 'asked to reinsert');
    expect(h.gateway.sim!.authenticator(key.deviceId).state().admin.retries).toBe(8);
    const back = await h.api('POST', `/simulation/devices/${key.deviceId}/reinsert`);
    expect(back.status).toBe(200);
    await eventually(() => run().state === 'succeeded', 'reset done');
    const view = await h.api('GET', `/devices/${back.body.deviceId}`);
    expect(view.body).toMatchObject({ status: 'NOT_CONFIGURED', pinSet: false });
  });

  it('requires the admin PIN for a managed key', async () => {
    const key = await configured('enterprise');
    const r = await h.api('POST', `/devices/${key.deviceId}/reset`, { body: {} });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('adminPin');
  });
});

describe('unlock', () => {
  async function blockedEnterpriseKey() {
    const key = await configured('enterprise');
    const state = h.gateway.sim!.authenticator(key.deviceId).state();
    state.pin.retries = 0;
    await h.gateway.sim!.unplug(key.deviceId);
    const blocked = await h.gateway.sim!.adopt(createAuthenticator({ state }));
    const view = await h.api('GET', `/devices/${blocked.deviceId}`);
    expect(view.body.flags.locked).toBe(true);
    return { ...blocked, adminPin: h.responders.vault.get(key.serial)!.adminPin! };
  }

  it('unlocks a PIN-blocked enterprise key with the admin PIN and a generated PIN kept in the vault', async () => {
    const key = await blockedEnterpriseKey();
    const before = h.responders.vault.get(key.serial)!.userPin;
    const r = await h.api('POST', `/devices/${key.deviceId}/unlock?wait=true`, {
      body: { adminPin: key.adminPin, pinSource: 'generated' },
    });
    expect(r.status, r.text).toBe(200);
    const after = h.responders.vault.get(key.serial)!.userPin!;
    expect(after).not.toBe(before);
    const view = await h.api('GET', `/devices/${key.deviceId}`);
    expect(view.body.flags.locked).toBe(false);
    const unlocked = await eventually(
      () => h.events.find((e) => e.type === 'keyward.device.unlocked' && e.subject === key.serial),
      'device.unlocked',
    );
    expect(unlocked.data).toMatchObject({ method: 'admin-pin', newPinSource: 'generated' });
    expect(unlocked.raw).not.toContain(after);
    expect(unlocked.raw).not.toContain(key.adminPin);
  });

  it('hands the new PIN to the waiting caller once (no-store), never to the session, journal, events or report', async () => {
    const key = await blockedEnterpriseKey();
    const r = await h.api('POST', `/devices/${key.deviceId}/unlock?wait=true`, {
      body: { adminPin: key.adminPin, pinSource: 'generated' },
    });
    expect(r.status, r.text).toBe(200);
    const pin = h.responders.vault.get(key.serial)!.userPin!;
    expect(r.body.result).toEqual({ unlocked: true, newPinSource: 'generated', newPin: pin });
    expect(r.headers.get('cache-control')).toBe('no-store');
    const sessionId = r.body.sessionId as string;
    await eventually(() => h.gateway.core.sessions.get(sessionId)?.finishedAt, 'session closed');
    const seen: string[] = [];
    for (const path of [
      `/sessions/${sessionId}`,
      `/sessions/${sessionId}/events`,
      `/sessions/${sessionId}/report?format=json`,
      `/sessions/${sessionId}/report?format=csv`,
    ]) {
      const answer = await h.api('GET', path);
      expect(answer.status, path).toBe(200);
      seen.push(answer.text);
    }
    const journal = await new Kvm(h.nc).open('keyward_gateway_sessions');
    for await (const k of await journal.keys()) seen.push((await journal.get(k))?.string() ?? '');
    await eventually(
      () =>
        h.events.find((e) => e.type === 'keyward.device.pin_viewed' && e.subject === key.serial),
      'the PIN view is audited',
    );
    seen.push(...h.events.map((e) => e.raw));
    expect(seen.join('\n')).toContain(sessionId);
    expect(seen.join('\n')).not.toContain(pin);
  });

  it('unlocks with a chosen PIN, and refuses one the policy rejects', async () => {
    const key = await blockedEnterpriseKey();
    const bad = await h.api('POST', `/devices/${key.deviceId}/unlock?wait=true`, {
      body: { adminPin: key.adminPin, pinSource: 'chosen', newPin: '12345' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('POLICY_VIOLATION');
    expect(bad.text).not.toContain('12345');
    const ok = await h.api('POST', `/devices/${key.deviceId}/unlock?wait=true`, {
      body: { adminPin: key.adminPin, pinSource: 'chosen', newPin: '48213957' },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(h.responders.vault.get(key.serial)!.userPin).toBe('48213957');
  });

  it('unlocks a PIN-blocked enterprise key remotely (challenge/response through the policy service)', async () => {
    const key = await blockedEnterpriseKey();
    const r = await h.api('POST', `/devices/${key.deviceId}/unlock?wait=true`, {
      body: { method: 'remote', pinSource: 'generated' },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.run.completedSteps).toEqual(['stagePin', 'remoteUnlock', 'commitPin']);
    const view = await h.api('GET', `/devices/${key.deviceId}`);
    expect(view.body.flags.locked).toBe(false);
    const unlocked = await eventually(
      () =>
        h.events.find(
          (e) =>
            e.type === 'keyward.device.unlocked' &&
            e.subject === key.serial &&
            e.data.method === 'remote',
        ),
      'remote unlock event',
    );
    expect(unlocked.raw).not.toContain(h.responders.vault.get(key.serial)!.userPin!);
  });

  it('asks for the admin PIN of an admin-PIN unlock by field name', async () => {
    const key = await configured('enterprise');
    const r = await h.api('POST', `/devices/${key.deviceId}/unlock`, {
      body: { pinSource: 'generated' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('adminPin');
  });

  it('refuses to unlock a standard key (no admin PIN)', async () => {
    const key = await configured('generic');
    const r = await h.api('POST', `/devices/${key.deviceId}/unlock?wait=true`, {
      body: { adminPin: '12345678', pinSource: 'generated' },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('UNSUPPORTED');
  });
});
