import {
  chooseDatabase,
  databaseCommand,
  databaseUrl,
  loadOrCreateDatabaseCredentials,
} from '@keyward/test-harness';

export type DatabasePlan =
  | { kind: 'external'; url: string; description: string }
  | {
      kind: 'mongod' | 'ferretdb';
      url: string;
      description: string;
      command: string;
      args: string[];
      /** Extra environment of the database process (FerretDB's setup user, never in args). */
      env?: Record<string, string>;
    };

export type PlanDatabaseOptions = {
  env: NodeJS.ProcessEnv;
  host: string;
  port: number;
  debugPort: number;
  /** Where a local mongod / FerretDB keeps its files. */
  dataDir: string;
  ferretdbPaths?: readonly string[];
};

/** Hides the password of a MongoDB URL for logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}

/**
 * Which database the stack uses and how to run it: MONGO_URL if set, else a local mongod, else
 * FerretDB (SQLite) — the same order as the test harness. `description` says which, plainly.
 * For FerretDB it reads (or on first use writes, 0600) `<dataDir>/credentials.json`, the one
 * user the database admits; `url` carries it, `description` hides the password.
 */
export function planDatabase(options: PlanDatabaseOptions): DatabasePlan {
  const { env, host, port, debugPort, dataDir, ferretdbPaths } = options;
  const choice = chooseDatabase({ env, ferretdbPaths });
  if (choice.kind === 'external') {
    return {
      kind: 'external',
      url: choice.url,
      description: `database: MONGO_URL (${redactUrl(choice.url)}); nothing started`,
    };
  }
  // FerretDB admits only the Keyward user, whose password is generated once into the data dir
  // (0600); the files themselves are kept private by the dir's mode (prepareDataDir).
  const credentials =
    choice.kind === 'ferretdb' ? loadOrCreateDatabaseCredentials(dataDir) : undefined;
  const url = databaseUrl({ host, port, credentials });
  const cmd = databaseCommand({
    kind: choice.kind,
    binary: choice.binary,
    port,
    dataDir,
    debugPort,
    ...(credentials ? { credentials } : {}),
  });
  const what = choice.kind === 'mongod' ? 'mongod' : 'FerretDB (SQLite backend, user keyward only)';
  return {
    kind: choice.kind,
    url,
    description: `database: ${what} at ${redactUrl(url)}, files in ${dataDir} (${choice.reason})`,
    ...cmd,
  };
}
