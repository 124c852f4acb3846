import { fileURLToPath } from 'node:url';
import { freePort, type ManagedProcess, spawnProcess } from '@keyward/test-harness';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

export interface ReportingProcess {
  proc: ManagedProcess;
  baseUrl: string;
  /** SIGKILL: no drain, no ack of the event in hand. */
  kill(): Promise<void>;
}

/** Runs services/reporting/src/main.ts as its own process (as in production) and waits for /readyz. */
export async function spawnReporting(env: Record<string, string>): Promise<ReportingProcess> {
  const port = await freePort();
  const proc = spawnProcess({
    name: 'reporting',
    command: process.execPath,
    args: ['--import', 'tsx', main],
    env: { ...process.env, LOG_LEVEL: 'warn', HTTP_PORT: String(port), ...env },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    const exit = proc.exitReason();
    if (exit) throw new Error(`reporting ${exit}:\n${proc.output()}`);
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    proc,
    baseUrl,
    async kill() {
      process.kill(proc.pid, 'SIGKILL');
      await proc.exited;
    },
  };
}

/** Polls until `check` holds (a deadline turns a hang into a failure naming what was awaited). */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  deadlineMs = 90_000,
): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
