import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBinary, resolveBinary } from './binaries.ts';
import { StartupError } from './errors.ts';
import { freePort, waitForPort } from './ports.ts';
import { type SpawnProcessOptions, spawnProcess } from './process.ts';
import { repoRoot } from './repoRoot.ts';
import { tempDir } from './tempDir.ts';

export type DatabaseKind = 'external' | 'mongod' | 'ferretdb';

export type DatabaseChoice =
  | { kind: 'external'; url: string; reason: string }
  | { kind: 'mongod' | 'ferretdb'; binary: string; reason: string };

/** Where FerretDB is looked for: the project's tool folder first, then the session build. */
export function ferretdbCandidates(root = repoRoot()): string[] {
  return [join(root, '.tools', 'bin', 'ferretdb'), '/tmp/gobin/ferretdb'];
}

export type ChooseDatabaseOptions = {
  env?: NodeJS.ProcessEnv;
  /** Where to look for FerretDB. Default {@link ferretdbCandidates}. */
  ferretdbPaths?: readonly string[];
};

/**
 * Picks the database the same way everywhere (tests and `npm start`): MONGO_URL if set, else
 * `mongod` on PATH, else FerretDB (SQLite backend). Throws MissingBinaryError when none exists.
 */
export function chooseDatabase(options: ChooseDatabaseOptions = {}): DatabaseChoice {
  const { env = process.env, ferretdbPaths = ferretdbCandidates() } = options;
  if (env.MONGO_URL) return { kind: 'external', url: env.MONGO_URL, reason: 'MONGO_URL is set' };
  const mongod = findBinary({ name: 'mongod', env });
  if (mongod) return { kind: 'mongod', binary: mongod, reason: `mongod found at ${mongod}` };
  const binary = resolveBinary({
    name: 'ferretdb',
    candidates: ferretdbPaths,
    env,
    hint: 'or set MONGO_URL, or put mongod on PATH',
  });
  return { kind: 'ferretdb', binary, reason: `no MONGO_URL and no mongod; FerretDB at ${binary}` };
}

/** The one database user Keyward's services connect as (FerretDB; see databaseCommand). */
export type DatabaseCredentials = { username: string; password: string };

/** Fresh credentials: user `keyward` and 32 random bytes, hex (URL-safe as it is). */
export function generateDatabaseCredentials(): DatabaseCredentials {
  return { username: 'keyward', password: randomBytes(32).toString('hex') };
}

/**
 * The credentials of a kept FerretDB data dir: read from `<dataDir>/credentials.json`, or
 * generated and written there (mode 0600) on first use. FerretDB creates its user only on a
 * start that finds none, so a kept data dir must keep its password.
 */
export function loadOrCreateDatabaseCredentials(dataDir: string): DatabaseCredentials {
  const file = join(dataDir, 'credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DatabaseCredentials;
  const credentials = generateDatabaseCredentials();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

/**
 * Makes a database data dir private to this user (0700): FerretDB writes its SQLite files 0644,
 * so the directory is what keeps other local users from reading them past authentication.
 */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
}

/** `mongodb://` URL of a local database; with credentials, authenticated against `admin`. */
export function databaseUrl(options: {
  host: string;
  port: number;
  credentials?: DatabaseCredentials | undefined;
}): string {
  const { host, port, credentials } = options;
  if (!credentials) return `mongodb://${host}:${port}`;
  const user = `${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}`;
  return `mongodb://${user}@${host}:${port}/?authSource=admin`;
}

export type DatabaseCommandOptions = {
  kind: 'mongod' | 'ferretdb';
  binary: string;
  port: number;
  dataDir: string;
  /** FerretDB's debug/metrics HTTP port. Default: none. */
  debugPort?: number;
  /**
   * FerretDB only: require authentication and create this user on a start that finds none.
   * Default: none (any local process may connect, as mongod here).
   */
  credentials?: DatabaseCredentials;
};

/**
 * The command line for a local mongod or FerretDB (SQLite) bound to 127.0.0.1. With
 * `credentials`, FerretDB runs its SCRAM authentication (`--test-enable-new-auth`, FerretDB
 * v1.24's own user store, which works with the SQLite backend): a connection without the
 * password may only ping. The password goes in the environment (`env`, readable only by this
 * user in /proc), never in the arguments that `ps` shows everyone.
 */
export function databaseCommand(options: DatabaseCommandOptions): {
  command: string;
  args: string[];
  env?: Record<string, string>;
} {
  const { kind, binary, port, dataDir, debugPort, credentials } = options;
  if (kind === 'mongod') {
    return {
      command: binary,
      args: ['--dbpath', dataDir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'],
    };
  }
  return {
    command: binary,
    args: [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${dataDir}`,
      `--debug-addr=${debugPort ? `127.0.0.1:${debugPort}` : '-'}`,
      '--telemetry=disable',
      '--log-level=warn',
      ...(credentials ? ['--test-enable-new-auth', '--setup-database=admin'] : []),
    ],
    ...(credentials
      ? {
          env: {
            FERRETDB_SETUP_USERNAME: credentials.username,
            FERRETDB_SETUP_PASSWORD: credentials.password,
          },
        }
      : {}),
  };
}

/** A database name unique to this run: `<prefix>_<time>_<random>` (Mongo allows 63 bytes). */
export function uniqueDbName(prefix = 'test'): string {
  const safe = prefix.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40);
  return `${safe}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export type StartMongoOptions = {
  /** Default: a free port. */
  port?: number;
  /** Default: a temp dir removed by stop(). A given dir is kept. */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  onLine?: SpawnProcessOptions['onLine'];
};

export type MongoServer = {
  /**
   * mongodb://127.0.0.1:<port> (or MONGO_URL as given) — pick a database with uniqueDbName().
   * For FerretDB it carries the user and password: nothing else may read or write.
   */
  url: string;
  kind: DatabaseKind;
  /** Why this database was picked, for logs. */
  reason: string;
  /** Stops a database this call started and removes its temp dir; no-op for MONGO_URL. */
  stop(): Promise<void>;
};

/**
 * A MongoDB-wire database for tests: MONGO_URL if set (share it, use uniqueDbName per test),
 * else a private mongod, else a private FerretDB (SQLite) on a free port in a temp dir, which
 * admits only the user in `url`.
 */
export async function startMongo(options: StartMongoOptions = {}): Promise<MongoServer> {
  const { env = process.env, onLine } = options;
  const choice = chooseDatabase({ env });
  if (choice.kind === 'external') {
    return { url: choice.url, kind: 'external', reason: choice.reason, stop: async () => {} };
  }
  const port = options.port ?? (await freePort());
  const temp = options.dataDir ? undefined : tempDir(choice.kind);
  const dataDir = options.dataDir ?? temp!.path;
  prepareDataDir(dataDir);
  // FerretDB admits only its one user; a temp dir's password lives as long as the dir.
  const credentials =
    choice.kind !== 'ferretdb'
      ? undefined
      : temp
        ? generateDatabaseCredentials()
        : loadOrCreateDatabaseCredentials(dataDir);
  const { env: dbEnv, ...cmd } = databaseCommand({
    kind: choice.kind,
    binary: choice.binary,
    port,
    dataDir,
    ...(credentials ? { credentials } : {}),
  });
  const proc = spawnProcess({
    name: choice.kind,
    ...cmd,
    ...(dbEnv ? { env: { ...process.env, ...dbEnv } } : {}),
    onLine,
  });
  const stop = async () => {
    await proc.stop();
    await temp?.remove();
  };
  try {
    await waitForPort({ port, abort: proc.exitReason, timeoutMs: 60_000 });
  } catch (error) {
    await stop();
    throw new StartupError(choice.kind, (error as Error).message, proc.output());
  }
  const url = databaseUrl({ host: '127.0.0.1', port, credentials });
  return { url, kind: choice.kind, reason: choice.reason, stop };
}
