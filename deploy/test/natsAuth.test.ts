import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { natsCommand, repoRoot, startNats } from '@keyward/test-harness';
import { connect } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';

const dir = join(repoRoot(), 'deploy', 'nats');
const conf = join(dir, 'keyward-auth.conf');
const passwords = {
  POLICY_NATS_PASSWORD: 'policy-pw',
  IDENTITY_NATS_PASSWORD: 'identity-pw',
  REPORTING_NATS_PASSWORD: 'reporting-pw',
  GATEWAY_NATS_PASSWORD: 'gateway-pw',
  PRINTER_NATS_PASSWORD: 'printer-pw',
  SIEM_NATS_PASSWORD: 'siem-pw',
};

describe('deploy/nats examples', () => {
  it('nats-server.conf (with the users it includes) is a valid nats-server configuration', async () => {
    const { command } = natsCommand({ port: 0 });
    const { stdout, stderr } = await promisify(execFile)(
      command,
      ['-t', '-c', join(dir, 'nats-server.conf')],
      { env: { ...process.env, ...passwords } },
    );
    expect(`${stdout}${stderr}`).toMatch(/configuration file .* is valid/);
  });

  it('lets a service publish only its own events, and the SIEM user only read them', async () => {
    const nats = await startNats({
      auth: false,
      args: ['-c', conf],
      env: { ...process.env, ...passwords },
    });
    try {
      const siem = await connect({ servers: nats.url, user: 'siem', pass: 'siem-pw' });
      const policy = await connect({ servers: nats.url, user: 'policy', pass: 'policy-pw' });
      const received: string[] = [];
      const sub = siem.subscribe('keyward.evt.>', {
        callback: (_e, m) => {
          received.push(m.subject);
        },
      });
      await siem.flush();

      policy.publish('keyward.evt.device.configured', 'not policy’s');
      policy.publish('keyward.evt.policy.updated', 'policy’s own');
      siem.publish('keyward.evt.policy.updated', 'siem is read-only');
      await policy.flush();
      await siem.flush();
      sub.unsubscribe();

      expect(received).toEqual(['keyward.evt.policy.updated']);
      await Promise.all([siem.close(), policy.close()]);

      await expect(
        connect({ servers: nats.url, user: 'policy', pass: 'wrong', reconnect: false }),
      ).rejects.toThrow(/Authorization/i);
    } finally {
      await nats.stop();
    }
  });
});
