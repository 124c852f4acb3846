import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StackConfig } from './config.ts';
import { CONSOLE_SCOPE } from './devIssuer.ts';

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
  /** The service's bus credentials file (bus-identity). */
  natsCredentials: string;
  mongoUrl: string;
  issuer: string;
  audience: string;
  /** Generated development secrets (key encryption keys ...), same for every service. */
  secrets: Record<string, string>;
  /** The launcher's own environment; explicit settings there win over the defaults here. */
  base: NodeJS.ProcessEnv;
  /** A pcscd is available (running or started by the launcher). */
  pcscd: boolean;
  /** HTTP port of every service the launcher starts, by name (this one included). */
  ports?: Readonly<Record<string, number>>;
  /** The console's client at the dev OpenID provider. */
  consoleClientId?: string;
};

/** The browser origins of a console on `port`: the host the launcher binds, and localhost. */
export function consoleOrigins(host: string, port: number): string[] {
  return [...new Set([`http://${host}:${port}`, `http://localhost:${port}`])];
}

/** `policy` → `POLICY_URL`: the console's upstream variable for a proxied service. */
export function serviceUrlVariable(name: string): string {
  return `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;
}

export type ServiceDefaultsOptions = {
  dataDir: string;
  pcscd: boolean;
  /** Host every service listens on. Default 127.0.0.1. */
  host?: string;
  /** The dev OpenID provider. */
  issuer?: string;
  /** HTTP port of every service the launcher starts, by name. */
  ports?: Readonly<Record<string, number>>;
  consoleClientId?: string;
};

/**
 * Dev-stack defaults per service, below anything set in the launcher's environment: the
 * device gateway keeps virtual keys' state in the data dir, watches PC/SC when pcscd runs and
 * accepts browser calls from the console's origins; the console signs in at the dev OpenID
 * provider, sends the browser to the gateway, and proxies /api/<service>/ to each service
 * started (POLICY_URL, IDENTITY_URL ...).
 */
export function serviceDefaults(
  name: string,
  options: ServiceDefaultsOptions,
): Record<string, string> {
  const { dataDir, pcscd, host = '127.0.0.1', issuer, ports = {}, consoleClientId } = options;
  const url = (service: string) => `http://${host}:${ports[service]}`;
  if (name === 'device-gateway') {
    return {
      KEYWARD_SIM_STATE_DIR: join(dataDir, 'sim'),
      KEYWARD_PCSC: pcscd ? 'true' : 'false',
      ...(ports.console === undefined
        ? {}
        : { GATEWAY_ALLOWED_ORIGINS: consoleOrigins(host, ports.console).join(',') }),
    };
  }
  if (name === 'console') {
    const upstreams = Object.keys(ports)
      .filter((service) => service !== 'console' && service !== 'device-gateway')
      .map((service) => [serviceUrlVariable(service), url(service)]);
    return {
      ...(issuer ? { CONSOLE_OIDC_ISSUER: issuer } : {}),
      ...(consoleClientId
        ? { CONSOLE_OIDC_CLIENT_ID: consoleClientId, CONSOLE_OIDC_SCOPE: CONSOLE_SCOPE }
        : {}),
      ...(ports['device-gateway'] === undefined
        ? {}
        : { CONSOLE_GATEWAY_URL: url('device-gateway') }),
      ...Object.fromEntries(upstreams),
    };
  }
  return {};
}

/** `device-gateway` → `keyward_device_gateway` (one database per service). */
export function databaseName(service: string): string {
  return `keyward_${service.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** The environment a service process gets (service-kit `commonConfig` names). */
export function serviceEnv(options: ServiceEnvOptions): NodeJS.ProcessEnv {
  const { name, httpPort, config, natsUrl, mongoUrl, issuer, audience, secrets, base, pcscd } =
    options;
  const { ports, consoleClientId, natsCredentials } = options;
  return {
    ...serviceDefaults(name, {
      dataDir: config.dataDir,
      pcscd,
      host: config.host,
      issuer,
      ports,
      consoleClientId,
    }),
    ...secrets,
    ...base,
    SERVICE_NAME: name,
    LOG_LEVEL: config.logLevel,
    NATS_URL: natsUrl,
    NATS_CREDENTIALS: natsCredentials,
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
