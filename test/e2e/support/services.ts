import {
  freePort,
  type ManagedProcess,
  repoRoot,
  spawnProcess,
  uniqueDbName,
  waitForPort,
} from '@keyward/test-harness';

export type ServiceName = 'policy' | 'identity' | 'reporting' | 'device-gateway';

/** A Keyward service running as its own process, with every line it wrote. */
export interface RunningService {
  name: ServiceName;
  url: string;
  proc: ManagedProcess;
  /** Every stdout/stderr line since start (the harness keeps only the last 200). */
  lines: { stream: 'stdout' | 'stderr'; line: string }[];
}

export interface CommonServiceEnv {
  NATS_URL: string;
  MONGO_URL: string;
  AUTH_ISSUER: string;
  AUTH_JWKS_URL: string;
  KEYWARD_KEK: string;
}

/**
 * Starts `node --import tsx services/<name>/src/main.ts` with its own database and HTTP port,
 * exactly as deploy/ runs it, and waits until it listens. A service that exits or never listens
 * fails with its last output.
 */
export async function startService(
  name: ServiceName,
  common: CommonServiceEnv,
  extra: Record<string, string> = {},
): Promise<RunningService> {
  const port = await freePort();
  const lines: RunningService['lines'] = [];
  const proc = spawnProcess({
    name,
    command: process.execPath,
    args: ['--import', 'tsx', `services/${name}/src/main.ts`],
    cwd: repoRoot(),
    env: {
      ...process.env,
      ...common,
      MONGO_DB: uniqueDbName(`e2e-${name}`),
      HTTP_PORT: String(port),
      // debug: the most a service ever writes, so the leak scan sees the most.
      LOG_LEVEL: 'debug',
      ...extra,
    },
    onLine: (line, stream) => lines.push({ stream, line }),
    keepLines: 400,
  });
  try {
    await waitForPort({ port, timeoutMs: 150_000, abort: proc.exitReason });
  } catch (error) {
    throw new Error(`${name} service did not start: ${(error as Error).message}\n${proc.output()}`);
  }
  return { name, url: `http://127.0.0.1:${port}`, proc, lines };
}
