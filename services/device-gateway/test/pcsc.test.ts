import { attachToVpcd, createAuthenticator, type VpcdCard } from '@keyward/authenticator-sim';
import { type PcscStack, startPcsc } from '@keyward/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type GatewayHarness, startGatewayHarness } from './support/gatewayHarness.ts';

let pcsc: PcscStack;
let h: GatewayHarness;
let card: VpcdCard | undefined;

beforeAll(async () => {
  pcsc = await startPcsc();
  // libpcsclite reads the socket name once per process (vitest forks per file).
  Object.assign(process.env, pcsc.env);
  h = await startGatewayHarness({ env: { KEYWARD_PCSC: 'true', KEYWARD_SIM: 'false' } });
});
afterAll(async () => {
  card?.close();
  await h?.stop();
  await pcsc?.stop();
});

describe('a key in a real PC/SC reader (pcscd + vpcd)', () => {
  it('discovers the card as a smart card, configures it and reports it detached when removed', async () => {
    const auth = createAuthenticator({ profile: 'nfc-only', serial: 'PCSC-0001' });
    await auth.ready();
    card = attachToVpcd(auth, { port: pcsc.vpcdPort });
    card.insert();
    const device = await eventually(
      () => h.gateway.core.registry.bySerial('PCSC-0001'),
      'card identified',
      1200,
    );
    expect(device.facts).toMatchObject({
      transport: 'pcsc',
      deviceType: 'smart-card',
      pinSet: false,
    });
    const r = await h.api(
      'POST',
      `/devices/${encodeURIComponent(device.key.id)}/configure?wait=true`,
      { body: { policyId: 'std' } },
    );
    expect(r.status, r.text).toBe(200);
    expect(r.body.run.completedSteps).toEqual(['read', 'plan', 'setPin', 'setMinPinLength']);
    const view = await h.api('GET', `/devices/${encodeURIComponent(device.key.id)}`);
    expect(view.body).toMatchObject({ status: 'CONFIGURED', transport: 'pcsc', minPinLength: 6 });
    card.remove();
    await eventually(
      () => h.events.find((e) => e.type === 'keyward.device.detached' && e.subject === 'PCSC-0001'),
      'device.detached',
      1200,
    );
  }, 120_000);
});
