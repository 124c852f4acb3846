import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { chooseDatabase, freePort, repoRoot, tempDir } from '@keyward/test-harness';
import { describe, expect, it } from 'vitest';
import { servicePortVariable } from '../src/config.ts';
import { discoverServices } from '../src/services.ts';

const root = repoRoot();

/**
 * The environment of a developer's shell: nothing from the npm script or the vitest worker
 * running this test (npm_*, VITEST*, NODE_ENV), and no node_modules/.bin of this checkout on
 * PATH, so the clone can only use what its own `npm ci` installs.
 */
function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|VITEST|TINYPOOL)|^(NODE_ENV|NODE_OPTIONS|INIT_CWD|MONGO_URL)$/.test(key)) continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes('node_modules'))
    .join(delimiter);
  return env;
}

type Run = {
  child: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  diagnose(): string;
};

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Run {
  // its own process group, so a test can press Ctrl-C the way a terminal does: to the group
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => lines.push(line));
  }
  return {
    child,
    lines,
    exited: new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    ),
    diagnose: () => `${command} ${args.join(' ')} output:\n${lines.slice(-80).join('\n')}`,
  };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(what: () => Promise<T | undefined> | T | undefined, deadline: number) {
  while (Date.now() < deadline) {
    const value = await what();
    if (value !== undefined) return value;
    await delay(500);
  }
  return undefined;
}

async function readyz(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200 ? 200 : undefined;
  } catch {
    return undefined;
  }
}

describe('a fresh clone', () => {
  it('runs `npm start` (set-up with npm ci, every service ready, the console URL printed, Ctrl-C leaves nothing) and `npm test -- <file>`', async () => {
    const tmp = tempDir('fresh-clone');
    const clone = join(tmp.path, 'keyward');
    const env = shellEnv();
    let start: Run | undefined;
    try {
      const cloned = run('git', ['clone', '--quiet', root, clone], tmp.path, env);
      expect((await cloned.exited).code, cloned.diagnose()).toBe(0);
      // The machine's apt packages are reused, and so is the FerretDB built here (a 2-min Go
      // build otherwise); node_modules is not: npm ci must run in the clone.
      const database = chooseDatabase({ env });
      if (database.kind === 'ferretdb') {
        mkdirSync(join(clone, '.tools', 'bin'), { recursive: true });
        symlinkSync(database.binary, join(clone, '.tools', 'bin', 'ferretdb'));
      }

      const services = discoverServices(clone);
      const ports: Record<string, string> = {};
      for (const name of ['NATS', 'DB', 'DB_DEBUG', 'ISSUER']) {
        ports[`KEYWARD_${name}_PORT`] = String(await freePort());
      }
      const servicePorts = new Map<string, number>();
      for (const s of services) {
        servicePorts.set(s.name, await freePort());
        ports[servicePortVariable(s.name)] = String(servicePorts.get(s.name));
      }
      const startEnv = {
        ...env,
        ...ports,
        KEYWARD_DATA_DIR: join(tmp.path, 'data'),
        KEYWARD_PCSCD: '0',
        NO_COLOR: '1',
      };

      start = run('npm', ['start'], clone, startEnv);
      const deadline = Date.now() + 300_000;
      const exitedEarly = start.exited.then(
        (exit) => `npm start ended early: ${JSON.stringify(exit)}`,
      );
      const statuses = await Promise.race([
        exitedEarly,
        Promise.all(
          [...servicePorts].map(async ([name, port]) => [
            name,
            await until(() => readyz(`http://127.0.0.1:${port}/readyz`), deadline),
          ]),
        ).then(Object.fromEntries),
      ]);
      expect(statuses, start.diagnose()).toEqual(
        Object.fromEntries(services.map((s) => [s.name, 200])),
      );
      expect(start.lines.join('\n'), start.diagnose()).toMatch(/\[setup\] npm ci/);
      if (servicePorts.has('console')) {
        const consoleUrl = `http://127.0.0.1:${servicePorts.get('console')}`;
        const printed = await until(
          () => start!.lines.find((l) => l.includes(`console ready at ${consoleUrl}`)),
          Date.now() + 10_000,
        );
        expect(printed, start.diagnose()).toMatch(/admin, helpdesk, operator or auditor/);
      }

      const pgid = start.child.pid!;
      process.kill(-pgid, 'SIGINT');
      // npm itself ends as a Ctrl-C'd program does (it re-raises the SIGINT once its script has
      // ended); the launcher has stopped everything by then, and says so
      expect([
        { code: 0, signal: null },
        { code: null, signal: 'SIGINT' },
      ]).toContainEqual(await start.exited);
      expect(
        start.lines.some((l) => /^keyward\s+\| all stopped$/.test(l)),
        start.diagnose(),
      ).toBe(true);
      const gone = await until(() => (groupAlive(pgid) ? undefined : true), Date.now() + 5_000);
      expect(gone, `processes left in group ${pgid}\n${start.diagnose()}`).toBe(true);
      start = undefined;

      const test = run('npm', ['test', '--', 'deploy/test/backoff.test.ts'], clone, startEnv);
      expect((await test.exited).code, test.diagnose()).toBe(0);
      expect(test.lines.join('\n'), test.diagnose()).toMatch(/Test Files\s+1 passed/);
    } finally {
      if (start?.child.pid && groupAlive(start.child.pid))
        process.kill(-start.child.pid, 'SIGKILL');
      await tmp.remove();
    }
  }, 420_000);
});
