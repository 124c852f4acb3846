import { type ManagedProcess, spawnProcess } from '@keyward/test-harness';
import { type BackoffOptions, nextAttempt, restartDelay } from './backoff.ts';
import { formatLine } from './logFormat.ts';

export type ChildSpec = {
  name: string;
  command: string;
  args?: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Restart with backoff when it exits on its own. Default true. */
  restart?: boolean;
  /**
   * Stop order: higher tiers stop first, one tier at a time, children of a tier in parallel
   * (services before the database and NATS they use). Default 0.
   */
  tier?: number;
};

export type SupervisedChild = {
  readonly name: string;
  /** The current process (changes on restart). */
  current(): ManagedProcess | undefined;
  /** How many times it was restarted. */
  restarts(): number;
};

export type SupervisorOptions = {
  /** Receives every formatted line. Default: stdout. */
  write?: (line: string) => void;
  color?: boolean;
  backoff?: BackoffOptions;
  /** Grace period between SIGTERM and SIGKILL on stop. Default 10 000 ms. */
  stopGraceMs?: number;
};

export type Supervisor = {
  /** Starts a child and keeps it running until stopAll(); throws once stopAll() was called. */
  start(spec: ChildSpec): SupervisedChild;
  /** A line from the launcher itself, under the given name. */
  log(name: string, message: string): void;
  /** Stops every child, highest tier first, and waits until all are gone. */
  stopAll(): Promise<void>;
};

/** Runs child processes with prefixed, coloured output, restarting crashed ones with backoff. */
export function createSupervisor(options: SupervisorOptions = {}): Supervisor {
  const {
    write = (line) => process.stdout.write(`${line}\n`),
    color = false,
    backoff,
    stopGraceMs = 10_000,
  } = options;
  const children: Array<{ tier: number; stop(): Promise<void> }> = [];
  const colors = new Map<string, number>();
  let width = 8;
  let stopping = false;

  const log = (name: string, message: string) => {
    if (!colors.has(name)) colors.set(name, colors.size);
    width = Math.max(width, name.length);
    write(formatLine({ name, line: message, width, color: color ? colors.get(name) : undefined }));
  };

  function start(spec: ChildSpec): SupervisedChild {
    const { name, restart = true } = spec;
    if (stopping) throw new Error(`not starting ${name}: the supervisor is stopping`);
    let proc: ManagedProcess | undefined;
    let restarts = 0;
    let attempt = 0;
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;

    const launch = () => {
      const startedAt = Date.now();
      proc = spawnProcess({
        name,
        command: spec.command,
        args: spec.args,
        env: spec.env,
        cwd: spec.cwd,
        onLine: (line) => log(name, line),
      });
      log(name, `started (pid ${proc.pid})`);
      const current = proc;
      void current.exited.then(() => {
        if (stopped || stopping) return;
        attempt = nextAttempt(attempt, Date.now() - startedAt, backoff);
        const reason = current.exitReason();
        if (!restart) {
          log(name, `${reason}; not restarted`);
          return;
        }
        const delay = restartDelay(attempt, backoff);
        log(name, `${reason}; restarting in ${delay} ms (restart ${restarts + 1})`);
        timer = setTimeout(() => {
          if (stopped || stopping) return;
          restarts++;
          launch();
        }, delay);
      });
    };

    launch();
    children.push({
      tier: spec.tier ?? 0,
      async stop() {
        stopped = true;
        clearTimeout(timer);
        if (proc && !proc.exitReason()) {
          await proc.stop({ graceMs: stopGraceMs });
          log(name, 'stopped');
        }
      },
    });
    return { name, current: () => proc, restarts: () => restarts };
  }

  async function stopAll(): Promise<void> {
    stopping = true;
    const tiers = [...new Set(children.map((c) => c.tier))].sort((a, b) => b - a);
    for (const tier of tiers) {
      await Promise.all(children.filter((c) => c.tier === tier).map((c) => c.stop()));
    }
  }

  return { start, log, stopAll };
}
