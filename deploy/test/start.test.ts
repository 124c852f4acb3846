import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { freePort, repoRoot, tempDir, waitForPort } from '@keyward/test-harness';
import { describe, expect, it } from 'vitest';
import { servicePortVariable } from '../src/config.ts';
import { discoverServices } from '../src/services.ts';

const root = repoRoot();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function readyz(url: string, deadline: number): Promise<number | string> {
  let last: number | string = 'never answered';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      last = response.status;
      await response.body?.cancel();
      if (last === 200) return last;
    } catch (error) {
      last = (error as Error).message;
    }
    await delay(500);
  }
  return last;
}

describe('npm start', () => {
  it('brings up NATS, the database, the dev issuer and every service with /readyz 200, and Ctrl-C stops them all', async () => {
    const data = tempDir('start');
    const services = discoverServices(root);
    const ports = {
      KEYWARD_NATS_PORT: await freePort(),
      KEYWARD_DB_PORT: await freePort(),
      KEYWARD_DB_DEBUG_PORT: await freePort(),
      KEYWARD_ISSUER_PORT: await freePort(),
    };
    const servicePorts = new Map<string, number>();
    for (const s of services) servicePorts.set(s.name, await freePort());
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      ...Object.fromEntries(
        [...servicePorts].map(([name, port]) => [servicePortVariable(name), String(port)]),
      ),
      KEYWARD_DATA_DIR: data.path,
      // the system pcscd belongs to the machine, not to a test
      KEYWARD_PCSCD: '0',
      NO_COLOR: '1',
    };
    delete env.MONGO_URL;

    const launcher = spawn(process.execPath, ['--import', 'tsx', 'deploy/src/start.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const pids = new Map<string, number>();
    for (const stream of [launcher.stdout, launcher.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        const started = /^(\S+)\s+\| started \(pid (\d+)\)$/.exec(line);
        if (started) pids.set(started[1]!, Number(started[2]));
      });
    }
    const exited = new Promise<number | null>((resolve) => launcher.once('exit', resolve));
    const diagnose = () => `launcher output:\n${output.slice(-60).join('\n')}`;

    try {
      await waitForPort({ port: ports.KEYWARD_NATS_PORT, timeoutMs: 60_000 });
      await waitForPort({ port: ports.KEYWARD_DB_PORT, timeoutMs: 60_000 });
      await waitForPort({ port: ports.KEYWARD_ISSUER_PORT, timeoutMs: 60_000 });
      const discovery = await fetch(
        `http://127.0.0.1:${ports.KEYWARD_ISSUER_PORT}/.well-known/openid-configuration`,
      );
      expect(discovery.status).toBe(200);

      const deadline = Date.now() + 150_000;
      const statuses = Object.fromEntries(
        await Promise.all(
          [...servicePorts].map(
            async ([name, port]) =>
              [name, await readyz(`http://127.0.0.1:${port}/readyz`, deadline)] as const,
          ),
        ),
      );
      expect(statuses, diagnose()).toEqual(Object.fromEntries(services.map((s) => [s.name, 200])));
      expect([...pids.keys()].sort(), diagnose()).toEqual(
        ['ferretdb', 'nats', ...services.map((s) => s.name)].sort(),
      );
    } finally {
      launcher.kill('SIGINT');
    }
    expect(await exited, diagnose()).toBe(0);
    const survivors = [...pids].filter(([, pid]) => isAlive(pid)).map(([name]) => name);
    expect(survivors, diagnose()).toEqual([]);
    // what must persist between runs is on disk
    expect(existsSync(join(data.path, 'nats', 'jetstream'))).toBe(true);
    expect(existsSync(join(data.path, 'oidc', 'dev-issuer.json'))).toBe(true);
    await data.remove();
  }, 240_000);
});
