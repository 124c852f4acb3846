import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type GatewayHarness, startGatewayHarness } from './support/gatewayHarness.ts';

let h: GatewayHarness;
beforeAll(async () => {
  // A short reinsert window so "the operator never reinserted" is quick to reach.
  h = await startGatewayHarness({ env: { RESET_REINSERT_TIMEOUT_MS: '1500' } });
});
afterAll(async () => {
  await h?.stop();
});

describe('reset without a reinsert', () => {
  it('fails with TIMEOUT naming the key, releases the lease, and can be retried', async () => {
    const key = await h.gateway.sim!.plug({ profile: 'generic' });
    const first = await h.api('POST', `/devices/${key.deviceId}/reset?wait=true`, { body: {} });
    expect(first.status).toBe(504);
    expect(first.body.error).toMatchObject({ code: 'TIMEOUT' });
    expect(first.body.error.message).toContain(key.serial);
    const failed = await eventually(
      () =>
        h.events.find((e) => e.type === 'keyward.device.reset_failed' && e.subject === key.serial),
      'reset_failed',
    );
    expect(failed.data).toMatchObject({ retryable: true, error: { code: 'TIMEOUT' } });
    // Retry: this time the key is pulled and put back while the gateway waits.
    const retry = await h.api('POST', `/devices/${key.deviceId}/reset`, { body: {} });
    expect(retry.status, retry.text).toBe(202);
    const run = () => h.gateway.core.sessions.get(retry.body.sessionId)!.keys[key.serial]!;
    await eventually(() => run().state === 'waiting-for-reinsert', 'asked to reinsert');
    await h.api('POST', `/simulation/devices/${key.deviceId}/reinsert`);
    await eventually(
      () => run().state === 'succeeded' || run().state === 'failed',
      'reset finished',
    );
    expect(run().state).toBe('succeeded');
  });
});
