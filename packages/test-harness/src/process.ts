import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { findBinary } from './binaries.ts';

export type ProcessExit = { code: number | null; signal: NodeJS.Signals | null };

export type SpawnProcessOptions = {
  /** Short name used in messages ("nats-server", "policy"). */
  name: string;
  command: string;
  args?: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Called with every line the process writes (stdout and stderr). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Lines kept for error messages. Default 200. */
  keepLines?: number;
};

export type ManagedProcess = {
  readonly name: string;
  readonly pid: number;
  /** Settles when the process has exited. */
  readonly exited: Promise<ProcessExit>;
  /** "exited with code 1" once the process is gone, else undefined. */
  exitReason(): string | undefined;
  /** The last lines of output, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs` (default 5 000); resolves when the process is gone. */
  stop(options?: { graceMs?: number }): Promise<ProcessExit>;
};

const live = new Set<ChildProcess>();
let hooked = false;

// Last line of defence: whatever this process started dies with it, even when a test forgets
// stop(). 'exit' handlers must be synchronous, so SIGKILL is all we can do here.
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

// setpriv (util-linux) asks the kernel to SIGKILL the child when we die, covering the case where
// this process is itself killed with SIGKILL and no exit handler runs.
let setpriv: string | undefined | null = null;
function deathSignalWrapper(): string | undefined {
  if (setpriv === null) setpriv = findBinary({ name: 'setpriv' });
  return setpriv;
}

function describeExit(exit: ProcessExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
}

/** Starts a child process whose lifetime is bound to this one. */
export function spawnProcess(options: SpawnProcessOptions): ManagedProcess {
  const { name, command, args = [], env = process.env, cwd, onLine, keepLines = 200 } = options;
  hookExit();
  const wrapper = deathSignalWrapper();
  const [file, argv] = wrapper
    ? [wrapper, ['--pdeathsig', 'SIGKILL', '--', command, ...args]]
    : [command, [...args]];
  const child = spawn(file, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);

  const lines: string[] = [];
  const collect = (stream: 'stdout' | 'stderr') => (line: string) => {
    lines.push(line);
    if (lines.length > keepLines) lines.shift();
    onLine?.(line, stream);
  };
  createInterface({ input: child.stdout! }).on('line', collect('stdout'));
  createInterface({ input: child.stderr! }).on('line', collect('stderr'));

  let exit: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => {
      lines.push(`${name}: ${error.message}`);
      exit ??= { code: -1, signal: null };
      live.delete(child);
      resolve(exit);
    });
    child.once('exit', (code, signal) => {
      exit ??= { code, signal };
      live.delete(child);
      resolve(exit);
    });
  });

  return {
    name,
    pid: child.pid ?? -1,
    exited,
    exitReason: () => (exit ? describeExit(exit) : undefined),
    output: () => lines.join('\n'),
    async stop({ graceMs = 5_000 } = {}) {
      if (exit) return exit;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}
