import { join } from 'node:path';

/** Every service the launcher knows, with its default HTTP port (design.md "Ports"). */
export const SERVICE_PORTS = {
  console: 9300,
  'device-gateway': 9333,
  policy: 9401,
  identity: 9402,
  reporting: 9403,
  printer: 9404,
} as const;

export type KnownService = keyof typeof SERVICE_PORTS;

export type StackConfig = {
  root: string;
  /** Everything the stack keeps between runs: NATS store, database files, issuer key. */
  dataDir: string;
  host: string;
  natsPort: number;
  databasePort: number;
  /** FerretDB's debug/metrics HTTP port. */
  databaseDebugPort: number;
  issuerPort: number;
  /** Start a pcscd (with the vpcd virtual reader) when none is running. */
  pcscd: boolean;
  logLevel: string;
  /** HTTP port per service folder name; unknown services get ports from 9410 up. */
  servicePort(name: string, index: number): number;
};

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new Error(`${name} must be a TCP port (1-65535), was "${raw}"`);
  }
  return value;
}

/** `device-gateway` → `DEVICE_GATEWAY_HTTP_PORT` */
export function servicePortVariable(name: string): string {
  return `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_HTTP_PORT`;
}

/**
 * The launcher's settings from the environment. Every port has a default from design.md and an
 * override (KEYWARD_NATS_PORT, KEYWARD_DB_PORT, KEYWARD_DB_DEBUG_PORT, KEYWARD_ISSUER_PORT,
 * <SERVICE>_HTTP_PORT); KEYWARD_DATA_DIR moves ./.keyward; KEYWARD_PCSCD=0 skips pcscd.
 */
export function loadStackConfig(env: NodeJS.ProcessEnv, root: string): StackConfig {
  const servicePorts = new Map<string, number>();
  return {
    root,
    dataDir: env.KEYWARD_DATA_DIR || join(root, '.keyward'),
    host: '127.0.0.1',
    natsPort: port(env, 'KEYWARD_NATS_PORT', 4222),
    databasePort: port(env, 'KEYWARD_DB_PORT', 27017),
    databaseDebugPort: port(env, 'KEYWARD_DB_DEBUG_PORT', 9488),
    issuerPort: port(env, 'KEYWARD_ISSUER_PORT', 9400),
    pcscd: !['0', 'false', 'no', 'off'].includes((env.KEYWARD_PCSCD ?? '').toLowerCase()),
    logLevel: env.LOG_LEVEL || 'info',
    servicePort(name, index) {
      const known = SERVICE_PORTS[name as KnownService] as number | undefined;
      const fallback = known ?? 9410 + index;
      if (!servicePorts.has(name)) {
        servicePorts.set(name, port(env, servicePortVariable(name), fallback));
      }
      return servicePorts.get(name)!;
    },
  };
}
