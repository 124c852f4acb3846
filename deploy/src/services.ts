import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StackConfig } from './config.ts';

export type ServiceEntry = { name: string; entry: string };

/** Every `services/<name>/src/main.ts` that exists, in name order. */
export function discoverServices(root: string): ServiceEntry[] {
  const dir = join(root, 'services');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, entry: join(dir, d.name, 'src', 'main.ts') }))
    .filter((s) => existsSync(s.entry))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export type ServiceEnvOptions = {
  name: string;
  httpPort: number;
  config: StackConfig;
  natsUrl: string;
  mongoUrl: string;
  issuer: string;
  audience: string;
  /** Generated development secrets (key encryption keys ...), same for every service. */
  secrets: Record<string, string>;
  /** The launcher's own environment; explicit settings there win over the defaults here. */
  base: NodeJS.ProcessEnv;
  /** A pcscd is available (running or started by the launcher). */
  pcscd: boolean;
};

/**
 * Dev-stack defaults per service, below anything set in the launcher's environment: the
 * device gateway keeps virtual keys' state in the data dir and watches PC/SC when pcscd runs.
 */
export function serviceDefaults(
  name: string,
  options: { dataDir: string; pcscd: boolean },
): Record<string, string> {
  if (name !== 'device-gateway') return {};
  return {
    KEYWARD_SIM_STATE_DIR: join(options.dataDir, 'sim'),
    KEYWARD_PCSC: options.pcscd ? 'true' : 'false',
  };
}

/** `device-gateway` → `keyward_device_gateway` (one database per service). */
export function databaseName(service: string): string {
  return `keyward_${service.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** The environment a service process gets (service-kit `commonConfig` names). */
export function serviceEnv(options: ServiceEnvOptions): NodeJS.ProcessEnv {
  const { name, httpPort, config, natsUrl, mongoUrl, issuer, audience, secrets, base, pcscd } =
    options;
  return {
    ...serviceDefaults(name, { dataDir: config.dataDir, pcscd }),
    ...secrets,
    ...base,
    SERVICE_NAME: name,
    LOG_LEVEL: config.logLevel,
    NATS_URL: natsUrl,
    MONGO_URL: mongoUrl,
    MONGO_DB: databaseName(name),
    HTTP_HOST: config.host,
    HTTP_PORT: String(httpPort),
    AUTH_ISSUER: issuer,
    AUTH_JWKS_URL: `${issuer}/jwks`,
    AUTH_AUDIENCE: audience,
    AUTH_PERMISSIONS_CLAIM: 'permissions',
  };
}
