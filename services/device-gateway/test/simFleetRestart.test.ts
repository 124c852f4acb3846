import { tempDir } from '@keyward/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/startGateway.ts';
import { type GatewayHarness, startGatewayHarness } from './support/gatewayHarness.ts';

let h: GatewayHarness;
const dir = tempDir('sim-fleet');
beforeAll(async () => {
  h = await startGatewayHarness();
});
afterAll(async () => {
  await h?.stop();
  await dir.remove();
});

async function listed(gateway: RunningGateway) {
  const res = await fetch(`${gateway.url}/devices`, {
    headers: { authorization: `Bearer ${h.token()}` },
  });
  const body = (await res.json()) as {
    devices: { serial: string; aaguid: string; status: string }[];
  };
  return body.devices;
}

const start = (devices: string, id: string) =>
  h.startAnother({
    KEYWARD_SIM_STATE_DIR: dir.path,
    KEYWARD_SIM_DEVICES: devices,
    GATEWAY_ID: id,
  });

describe('KEYWARD_SIM_DEVICES on a restart with saved keys', () => {
  it('plugs in exactly the requested fleet, keeping the saved keys and their state', async () => {
    const first = await start('1:generic', 'gw-fleet-1');
    const [key] = first.sim!.list();
    const configured = await fetch(`${first.url}/devices/${key!.deviceId}/configure?wait=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ policyId: 'std' }),
    });
    expect(configured.status, await configured.text()).toBe(200);
    await first.stop();

    const second = await start('3:generic,1:enterprise', 'gw-fleet-2');
    const fleet = second.sim!.list();
    expect(fleet.map((k) => k.profile).sort()).toEqual([
      'enterprise',
      'generic',
      'generic',
      'generic',
    ]);
    const kept = (await listed(second)).find((d) => d.serial === key!.serial);
    expect(kept?.status, 'the saved key came back configured').toBe('CONFIGURED');
    await second.stop();

    // Smaller again: the enterprise key and the generic key with the lowest serial.
    const third = await start('1:generic,1:enterprise', 'gw-fleet-3');
    const small = third.sim!.list();
    expect(small.map((k) => k.profile).sort()).toEqual(['enterprise', 'generic']);
    expect(small.map((k) => k.serial)).toContain(
      [...fleet.filter((k) => k.profile === 'generic').map((k) => k.serial)].sort()[0],
    );
    await third.stop();
  });
});
