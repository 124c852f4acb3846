import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { credentialsFile, inboxPrefix, readCredentials } from '@keyward/bus-identity';
import { freePort, repoRoot, tempDir, waitForPort } from '@keyward/test-harness';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, nkeyAuthenticator } from '@nats-io/transport-node';
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

type Launcher = {
  /** name → pid of every child the launcher reported starting */
  pids: Map<string, number>;
  output: string[];
  exited: Promise<number | null>;
  diagnose(): string;
  child: ChildProcess;
};

function launch(env: NodeJS.ProcessEnv): Launcher {
  const child = spawn(process.execPath, ['--import', 'tsx', 'deploy/src/start.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const pids = new Map<string, number>();
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      const started = /^(\S+)\s+\| started \(pid (\d+)\)$/.exec(line);
      if (started) pids.set(started[1]!, Number(started[2]));
    });
  }
  return {
    child,
    pids,
    output,
    exited: new Promise((resolve) => child.once('exit', resolve)),
    diagnose: () => `launcher output:\n${output.slice(-60).join('\n')}`,
  };
}

async function jwksKids(issuerPort: number): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${issuerPort}/jwks`);
  const { keys } = (await response.json()) as { keys: { kid: string }[] };
  return keys.map((k) => k.kid);
}

describe('npm start', () => {
  it('brings up NATS, the database, the dev issuer and every service (the console too) with /readyz 200, stops them all on Ctrl-C, and finds its data again on the next run', async () => {
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
    const natsUrl = `nats://127.0.0.1:${ports.KEYWARD_NATS_PORT}`;
    const operator = () => {
      const creds = readCredentials(credentialsFile(join(data.path, 'bus'), 'operator'));
      const seed = new TextEncoder().encode(creds.seed);
      return { authenticator: nkeyAuthenticator(seed), inboxPrefix: inboxPrefix(creds) };
    };

    // First run: everything comes up.
    const first = launch(env);
    let kids: string[];
    try {
      await waitForPort({ port: ports.KEYWARD_NATS_PORT, timeoutMs: 60_000 });
      await waitForPort({ port: ports.KEYWARD_DB_PORT, timeoutMs: 60_000 });
      await waitForPort({ port: ports.KEYWARD_ISSUER_PORT, timeoutMs: 60_000 });
      kids = await jwksKids(ports.KEYWARD_ISSUER_PORT);
      expect(kids).toHaveLength(1);

      const deadline = Date.now() + 150_000;
      const statuses = Object.fromEntries(
        await Promise.all(
          [...servicePorts].map(
            async ([name, port]) =>
              [name, await readyz(`http://127.0.0.1:${port}/readyz`, deadline)] as const,
          ),
        ),
      );
      expect(statuses, first.diagnose()).toEqual(
        Object.fromEntries(services.map((s) => [s.name, 200])),
      );
      const consolePort = servicePorts.get('console');
      if (consolePort) {
        const printed = `console ready at http://127.0.0.1:${consolePort} — sign in as`;
        while (!first.output.some((l) => l.includes(printed)) && Date.now() < deadline) {
          await delay(200);
        }
        expect(first.output.join('\n'), first.diagnose()).toContain(printed);
      }
      expect([...first.pids.keys()].sort(), first.diagnose()).toEqual(
        ['ferretdb', 'nats', ...services.map((s) => s.name)].sort(),
      );
      // a JetStream stream to find again after the restart
      // the bus refuses anonymous clients: connect as the operator identity from the data dir
      await expect(connect({ servers: natsUrl, reconnect: false })).rejects.toThrow(
        /Authorization/i,
      );
      const nc = await connect({ servers: natsUrl, ...operator() });
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({ name: 'START_TEST', subjects: ['start-test.>'] });
      await jsm.jetstream().publish('start-test.kept', 'kept');
      await nc.close();
    } finally {
      first.child.kill('SIGINT');
    }
    expect(await first.exited, first.diagnose()).toBe(0);
    const survivors = [...first.pids].filter(([, pid]) => isAlive(pid)).map(([name]) => name);
    expect(survivors, first.diagnose()).toEqual([]);

    // Second run on the same data dir: same issuer key, same JetStream data.
    const second = launch(env);
    try {
      await waitForPort({ port: ports.KEYWARD_ISSUER_PORT, timeoutMs: 60_000 });
      expect(await jwksKids(ports.KEYWARD_ISSUER_PORT)).toEqual(kids);
      const nc = await connect({ servers: natsUrl, ...operator() });
      const info = await (await jetstreamManager(nc)).streams.info('START_TEST');
      expect(info.state.messages).toBe(1);
      await nc.close();
    } finally {
      second.child.kill('SIGINT');
    }
    expect(await second.exited, second.diagnose()).toBe(0);
    await data.remove();
  }, 300_000);
});
