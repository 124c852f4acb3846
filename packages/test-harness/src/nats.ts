import { resolveBinary } from './binaries.ts';
import { StartupError } from './errors.ts';
import { freePort, waitForPort } from './ports.ts';
import { type SpawnProcessOptions, spawnProcess } from './process.ts';
import { tempDir } from './tempDir.ts';

export type NatsCommandOptions = {
  port: number;
  /** JetStream store directory (JetStream is on when given). */
  storeDir?: string;
  host?: string;
  /** Extra nats-server arguments, e.g. ['-c', 'auth.conf']. */
  args?: readonly string[];
};

/** The nats-server command line for the given options (used by the harness and the dev stack). */
export function natsCommand(options: NatsCommandOptions): { command: string; args: string[] } {
  const { port, storeDir, host = '127.0.0.1', args = [] } = options;
  const command = resolveBinary({ name: 'nats-server', hint: 'Debian package "nats-server"' });
  const js = storeDir ? ['-js', '-sd', storeDir] : [];
  return { command, args: ['-a', host, '-p', String(port), ...js, ...args] };
}

export type StartNatsOptions = {
  /** JetStream on (default true). */
  jetstream?: boolean;
  /** Default: a free port. */
  port?: number;
  /** Default: a temp dir removed by stop(). A given dir is kept. */
  storeDir?: string;
  args?: readonly string[];
  /** Environment of nats-server (a config file may reference $VARIABLES). Default process.env. */
  env?: NodeJS.ProcessEnv;
  onLine?: SpawnProcessOptions['onLine'];
};

export type NatsServer = {
  /** nats://127.0.0.1:<port> */
  url: string;
  port: number;
  storeDir: string | undefined;
  /** Kills nats-server and removes the temp store dir. Idempotent. */
  stop(): Promise<void>;
};

/** Starts a private nats-server (JetStream by default) on a free port; resolves when it accepts connections. */
export async function startNats(options: StartNatsOptions = {}): Promise<NatsServer> {
  const { jetstream = true, args, env, onLine } = options;
  const port = options.port ?? (await freePort());
  const temp = jetstream && !options.storeDir ? tempDir('nats') : undefined;
  const storeDir = jetstream ? (options.storeDir ?? temp!.path) : undefined;
  let cmd: { command: string; args: string[] };
  try {
    cmd = natsCommand({ port, storeDir, args });
  } catch (error) {
    await temp?.remove();
    throw error;
  }
  const proc = spawnProcess({ name: 'nats-server', ...cmd, env, onLine });
  const stop = async () => {
    await proc.stop();
    await temp?.remove();
  };
  try {
    await waitForPort({ port, abort: proc.exitReason });
  } catch (error) {
    await stop();
    throw new StartupError('nats-server', (error as Error).message, proc.output());
  }
  return { url: `nats://127.0.0.1:${port}`, port, storeDir, stop };
}
