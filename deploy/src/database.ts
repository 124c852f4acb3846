import { chooseDatabase, databaseCommand } from '@keyward/test-harness';

export type DatabasePlan =
  | { kind: 'external'; url: string; description: string }
  | {
      kind: 'mongod' | 'ferretdb';
      url: string;
      description: string;
      command: string;
      args: string[];
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
  const url = `mongodb://${host}:${port}`;
  const cmd = databaseCommand({
    kind: choice.kind,
    binary: choice.binary,
    port,
    dataDir,
    debugPort,
  });
  const what = choice.kind === 'mongod' ? 'mongod' : 'FerretDB (SQLite backend)';
  return {
    kind: choice.kind,
    url,
    description: `database: ${what} at ${url}, files in ${dataDir} (${choice.reason})`,
    ...cmd,
  };
}
