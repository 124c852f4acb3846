import { forInstance, gatewayRequests } from '@keyward/contracts';
import { request } from '@keyward/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type GatewayHarness, startGatewayHarness } from './support/gatewayHarness.ts';

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGatewayHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('gateway requests on the bus', () => {
  it('lists this gateway’s keys on keyward.gateway.<id>.devices', async () => {
    const key = await h.gateway.sim!.plug({ profile: 'enterprise' });
    const reply = await request(
      h.nc,
      forInstance(gatewayRequests.devices, 'gw-test'),
      {},
      { actor: 'service:printer' },
    );
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.data.gatewayId).toBe('gw-test');
    expect(reply.data.devices.find((d) => d.deviceId === key.deviceId)).toMatchObject({
      serial: key.serial,
      transport: 'memory',
      busy: false,
    });
  });

  it('provisions a key (configure + enroll under one lease) for the printer service', async () => {
    const key = await h.gateway.sim!.plug({ profile: 'generic' });
    const reply = await request(
      h.nc,
      forInstance(gatewayRequests.provision, 'gw-test'),
      { deviceId: key.deviceId, policyId: 'std', user: { id: 'card.holder@example.com' } },
      { actor: 'service:printer', timeoutMs: 30_000 },
    );
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    if (!reply.ok) return;
    expect(reply.data).toMatchObject({ serial: key.serial });
    const session = h.gateway.core.sessions.get(reply.data.sessionId)!;
    expect(session.actor).toBe('service:printer');
    // The user PIN for the enrollment was read in the printer's name, not the gateway's.
    expect(h.responders.pinReadActors.at(-1)).toBe('service:printer');
    expect(session.keys[key.serial]?.completedSteps).toEqual([
      'read',
      'plan',
      'setPin',
      'setMinPinLength',
      'begin',
      'makeCredential',
      'complete',
    ]);
    await eventually(
      () =>
        h.events.find(
          (e) =>
            e.type === 'keyward.device.enrolled' &&
            e.subject === key.serial &&
            e.actor === 'service:printer',
        ),
      'enrolled by the printer',
    );
  });

  it('answers NOT_FOUND for a device this gateway does not have', async () => {
    const reply = await request(
      h.nc,
      forInstance(gatewayRequests.provision, 'gw-test'),
      { deviceId: 'nope', policyId: 'std', user: { id: 'x' } },
      { actor: 'service:printer' },
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
