import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { busRosterSchema, inboxPrefix, readCredentials } from '@keyward/bus-identity';
import { natsCommand, repoRoot, startNats, tempDir } from '@keyward/test-harness';
import { connect, nkeyAuthenticator } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('deploy/nats with `npm run bus:credentials`', () => {
  it('generates per-gateway identities that the example configuration loads and enforces', async () => {
    const dir = tempDir('bus-credentials');
    try {
      const bus = join(dir.path, 'keyward-bus');
      await run(process.execPath, [
        '--import',
        'tsx',
        join(repoRoot(), 'deploy/src/busCredentials.ts'),
        '--dir',
        bus,
        '--gateway',
        'ws-01',
        '--gateway',
        'ws-02',
      ]);
      const roster = busRosterSchema.parse(
        JSON.parse(readFileSync(join(bus, 'roster.json'), 'utf8')),
      );
      expect(roster.map((e) => e.name).sort()).toEqual(
        [
          'gateway-ws-01',
          'gateway-ws-02',
          'identity',
          'observer',
          'operator',
          'policy',
          'printer',
          'reporting',
        ].sort(),
      );
      expect(statSync(join(bus, 'policy.creds.json')).mode & 0o777).toBe(0o600);

      const conf = join(dir.path, 'nats-server.conf');
      copyFileSync(join(repoRoot(), 'deploy/nats/nats-server.conf'), conf);
      const { command } = natsCommand({ port: 0 });
      const checked = await run(command, ['-t', '-c', conf]);
      expect(`${checked.stdout}${checked.stderr}`).toMatch(/configuration file .* is valid/);

      // The generated block on a real server: a gateway serves only its own gateway id.
      const nats = await startNats({ auth: false, args: ['-c', join(bus, 'auth.conf')] });
      try {
        const creds = readCredentials(join(bus, 'gateway-ws-01.creds.json'));
        const nc = await connect({
          servers: nats.url,
          authenticator: nkeyAuthenticator(new TextEncoder().encode(creds.seed)),
          inboxPrefix: inboxPrefix(creds),
          reconnect: false,
        });
        try {
          const own = nc.subscribe('keyward.gateway.ws-01.provision');
          const other = nc.subscribe('keyward.gateway.ws-02.provision');
          await expect(other.closed).resolves.toMatchObject({
            message: expect.stringMatching(/Permissions Violation for Subscription/),
          });
          await nc.flush();
          expect(own.isClosed()).toBe(false);
        } finally {
          await nc.close();
        }
        await expect(connect({ servers: nats.url, reconnect: false })).rejects.toThrow(
          /Authorization/i,
        );
      } finally {
        await nats.stop();
      }
    } finally {
      await dir.remove();
    }
  });
});
