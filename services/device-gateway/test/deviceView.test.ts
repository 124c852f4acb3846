import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayHarness, startGatewayHarness } from './support/gatewayHarness.ts';

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGatewayHarness();
});
afterAll(async () => {
  await h?.stop();
});

const AAGUID = '8f4c0add-96f0-404f-80e0-4cb0c1012d04';

async function configured() {
  const key = await h.gateway.sim!.plug({ profile: 'generic' });
  const r = await h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, {
    body: { policyId: 'std' },
  });
  expect(r.status, r.text).toBe(200);
  return key;
}

describe('actions in the device view', () => {
  it('lists the operations the caller may start on each key, by status and permissions', async () => {
    const fresh = await h.gateway.sim!.plug({ profile: 'generic' });
    const ready = await configured();
    const viewOf = async (permissions?: readonly string[]) => {
      const r = await h.api('GET', '/devices', { ...(permissions ? { permissions } : {}) });
      const byId = (id: string) => r.body.devices.find((d: { id: string }) => d.id === id);
      return { fresh: byId(fresh.deviceId).actions, configured: byId(ready.deviceId).actions };
    };
    expect(await viewOf()).toEqual({
      fresh: ['configure', 'configure-and-assign', 'reset'],
      configured: ['assign', 'pin', 'test', 'stock', 'reset'],
    });
    expect(await viewOf(['device:read', 'device:enroll'])).toEqual({
      fresh: ['configure-and-assign'],
      configured: ['assign', 'test'],
    });
  });

  it('refuses assign on an unconfigured key with 409 naming its status and the statuses assign needs', async () => {
    const key = await h.gateway.sim!.plug({ profile: 'generic' });
    const r = await h.api('POST', `/devices/${key.deviceId}/assign?wait=true`, {
      body: { user: 'jdoe@example.com' },
    });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({
      code: 'CONFLICT',
      message: `device ${key.serial} is NOT CONFIGURED; assign needs CONFIGURED, IN STOCK or REVOKED`,
    });
    expect([...h.responders.enrollments.values()].some((e) => e.serial === key.serial)).toBe(false);
  });

  it('refuses configure on a configured key the same way', async () => {
    const key = await configured();
    const r = await h.api('POST', `/devices/${key.deviceId}/configure`, {
      body: { policyId: 'std' },
    });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe(
      `device ${key.serial} is CONFIGURED; configure needs NOT CONFIGURED or READY`,
    );
  });
});

describe('names in the expanded view', () => {
  it('shows policy and IdP names, asking once per distinct id, and null for an unknown one', async () => {
    const keys = [await configured(), await configured(), await configured()];
    h.responders.idps.set('okta-1', 'Okta production');
    for (const [i, key] of keys.entries()) {
      h.responders.inventory.set(key.serial, {
        serial: key.serial,
        aaguid: AAGUID,
        status: 'ENROLLED',
        policyId: 'std',
        policyVersion: 1,
        user: { id: `user${i}@example.com` },
        idpId: i === 2 ? 'gone-idp' : 'okta-1',
      });
    }
    const list = await h.api('GET', '/devices?expand=true');
    expect(list.status, list.text).toBe(200);
    const views = keys.map((k) =>
      list.body.devices.find((d: { id: string }) => d.id === k.deviceId),
    );
    expect(views[0]).toMatchObject({
      policy: { id: 'std', version: 1, name: 'Standard' },
      idpId: 'okta-1',
      idp: { id: 'okta-1', name: 'Okta production' },
    });
    expect(views[2]).toMatchObject({ idpId: 'gone-idp', idp: { id: 'gone-idp', name: null } });
    const one = await h.api('GET', `/devices/${keys[1]!.deviceId}`);
    expect(one.body).toMatchObject({
      policy: { name: 'Standard' },
      idp: { name: 'Okta production' },
    });
    // Three keys, two GETs: one request per distinct id.
    expect(h.responders.nameRequests.get('std')).toBe(1);
    expect(h.responders.nameRequests.get('okta-1')).toBe(1);
    // Keys without an inventory record have no policy or IdP to name.
    const plain = list.body.devices.find(
      (d: { serial: string }) => !h.responders.inventory.has(d.serial),
    );
    expect(plain).toMatchObject({ policy: null, idp: null, idpId: null });
  });

  it('a key whose PIN the simulation blocked is LOCKED and offers only unlock and reset', async () => {
    const key = await h.gateway.sim!.plug({ profile: 'enterprise' });
    const c = await h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, {
      body: { policyId: 'std' },
    });
    expect(c.status, c.text).toBe(200);
    const blocked = await h.api('POST', `/simulation/devices/${key.deviceId}/block-pin`);
    expect(blocked.status, blocked.text).toBe(200);
    const view = await h.api('GET', `/devices/${blocked.body.deviceId}`);
    expect(view.body).toMatchObject({ serial: key.serial, flags: { locked: true } });
    expect(view.body.actions).toEqual(['reset', 'unlock']);
  });
});
