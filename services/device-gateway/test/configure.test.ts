import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type GatewayHarness, startGatewayHarness } from './support/gatewayHarness.ts';

let h: GatewayHarness;

beforeAll(async () => {
  h = await startGatewayHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function plug(profile = 'generic') {
  const r = await h.api('POST', '/simulation/devices', { body: { profile } });
  expect(r.status).toBe(201);
  return r.body as { deviceId: string; serial: string };
}

describe('discover and list', () => {
  it('lists a plugged virtual key as NOT CONFIGURED with details when expanded', async () => {
    const key = await plug();
    const list = await h.api('GET', '/devices?expand=true');
    expect(list.status).toBe(200);
    const view = list.body.devices.find((d: { id: string }) => d.id === key.deviceId);
    expect(view).toMatchObject({
      serial: key.serial,
      status: 'NOT_CONFIGURED',
      statusLabel: 'NOT CONFIGURED',
      flags: { locked: false, busy: false, interrupted: false },
      transport: 'memory',
      keyKind: 'standard',
      pinSet: false,
    });
    expect(view.versions).toContain('FIDO_2_1');
    expect(
      h.events.some((e) => e.type === 'keyward.device.attached' && e.subject === key.serial),
    ).toBe(true);
  });
});

describe('configure one', () => {
  it('configures a key to a policy: PIN set, min PIN length, configured event without the PIN', async () => {
    const key = await plug();
    const r = await h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, {
      body: { policyId: 'std' },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.run).toMatchObject({
      state: 'succeeded',
      completedSteps: ['read', 'plan', 'setPin', 'setMinPinLength'],
    });
    const view = await h.api('GET', `/devices/${key.deviceId}`);
    expect(view.body).toMatchObject({ status: 'CONFIGURED', pinSet: true, minPinLength: 6 });
    const configured = await eventually(
      () =>
        h.events.find((e) => e.type === 'keyward.device.configured' && e.subject === key.serial),
      'device.configured',
    );
    expect(configured.data).toMatchObject({
      policyId: 'std',
      policyVersion: 1,
      pinSet: true,
      gatewayId: 'gw-test',
      serial: key.serial,
    });
    expect(configured.actor).toBe('user:alice');
    const pin = h.responders.vault.get(key.serial)?.userPin;
    expect(pin).toBeTruthy();
    for (const e of h.events) expect(e.raw).not.toContain(pin);
  });
});
