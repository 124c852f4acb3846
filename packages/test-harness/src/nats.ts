import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  authorizationBlock,
  type BusCredentials,
  credentialsFile,
  ensureCredentials,
  inboxPrefix,
  readCredentials,
  STANDARD_IDENTITIES,
} from '@keyward/bus-identity';
import { nkeyAuthenticator } from '@nats-io/transport-node';
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
  /**
   * Authentication and per-identity permissions exactly as in production (default true):
   * credentials for every standard identity (bus-identity STANDARD_IDENTITIES) are generated
   * into the store's sibling directory; an anonymous client is refused. False only for tests
   * that bring their own authorization configuration.
   */
  auth?: boolean;
  /** Reuse these credentials (a restart of the same server); default a fresh temp dir. */
  credentialsDir?: string;
  /** Environment of nats-server (a config file may reference $VARIABLES). Default process.env. */
  env?: NodeJS.ProcessEnv;
  onLine?: SpawnProcessOptions['onLine'];
};

export type NatsServer = {
  /** nats://127.0.0.1:<port> */
  url: string;
  port: number;
  storeDir: string | undefined;
  /** Directory with `<identity>.creds.json` and `roster.json` (undefined when auth is off). */
  credentialsDir: string | undefined;
  /** Path of an identity's credentials file (what a service's NATS_CREDENTIALS names). */
  credentialsFile(identity: string): string;
  credentials(identity: string): BusCredentials;
  /** Options for `connect()` as that identity (nkey authenticator, its inbox prefix). */
  connectOptions(identity: string): {
    servers: string;
    authenticator: ReturnType<typeof nkeyAuthenticator>;
    inboxPrefix: string;
    name: string;
  };
  /** Kills nats-server and removes the temp store dir. Idempotent. */
  stop(): Promise<void>;
};

/** Starts a private nats-server (JetStream by default) on a free port; resolves when it accepts connections. */
export async function startNats(options: StartNatsOptions = {}): Promise<NatsServer> {
  const { jetstream = true, args = [], env, onLine, auth = true } = options;
  const port = options.port ?? (await freePort());
  const temp = jetstream && !options.storeDir ? tempDir('nats') : undefined;
  const storeDir = jetstream ? (options.storeDir ?? temp!.path) : undefined;
  // Credentials outlive stop() (removed at process exit) so a restart on the same port can
  // reuse them: clients keep their seeds across a server restart.
  const credentialsDir = auth
    ? (options.credentialsDir ?? join(tempDir('nats-credentials').path, 'credentials'))
    : undefined;
  const authArgs: string[] = [];
  const names = new Map<string, string>();
  if (credentialsDir) {
    const roster = ensureCredentials({ dir: credentialsDir, identities: STANDARD_IDENTITIES });
    for (const entry of roster) names.set(entry.publicKey, entry.name);
    const conf = join(credentialsDir, 'auth.conf');
    writeFileSync(conf, authorizationBlock(roster));
    authArgs.push('-c', conf);
  }
  let cmd: { command: string; args: string[] };
  try {
    cmd = natsCommand({ port, storeDir, args: [...authArgs, ...args] });
  } catch (error) {
    await temp?.remove();
    throw error;
  }
  // A refused publish or subscribe is the first thing to see when a grant is missing.
  const reportViolations: SpawnProcessOptions['onLine'] = (line, stream) => {
    if (/Violation/.test(line)) {
      const named = line.replace(/Nkey "(U[A-Z0-9]+)"/, (m, key) => `${m} (${names.get(key)})`);
      process.stderr.write(`[nats-server] ${named}\n`);
    }
    onLine?.(line, stream);
  };
  const proc = spawnProcess({ name: 'nats-server', ...cmd, env, onLine: reportViolations });
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
  const url = `nats://127.0.0.1:${port}`;
  const fileOf = (identity: string) => {
    if (!credentialsDir) throw new Error('startNats({ auth: false }) has no credentials');
    return credentialsFile(credentialsDir, identity);
  };
  const credentials = (identity: string) => readCredentials(fileOf(identity));
  return {
    url,
    port,
    storeDir,
    credentialsDir,
    credentialsFile: fileOf,
    credentials,
    connectOptions(identity) {
      const creds = credentials(identity);
      return {
        servers: url,
        authenticator: nkeyAuthenticator(new TextEncoder().encode(creds.seed)),
        inboxPrefix: inboxPrefix(creds),
        name: `test-${identity}`,
      };
    },
    stop,
  };
}
