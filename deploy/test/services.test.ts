import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@keyward/test-harness';
import { describe, expect, it } from 'vitest';
import { loadStackConfig } from '../src/config.ts';
import {
  consoleOrigins,
  databaseName,
  discoverServices,
  serviceDefaults,
  serviceEnv,
} from '../src/services.ts';

describe('discoverServices', () => {
  it('finds services that have src/main.ts, in name order', async () => {
    const dir = tempDir('services');
    try {
      for (const [name, main] of [
        ['reporting', true],
        ['policy', true],
        ['identity', false],
      ] as const) {
        mkdirSync(join(dir.path, 'services', name, 'src'), { recursive: true });
        if (main) writeFileSync(join(dir.path, 'services', name, 'src', 'main.ts'), '');
      }
      expect(discoverServices(dir.path).map((s) => s.name)).toEqual(['policy', 'reporting']);
      expect(discoverServices(join(dir.path, 'nowhere'))).toEqual([]);
    } finally {
      await dir.remove();
    }
  });
});

const base = {
  config: loadStackConfig({}, '/repo'),
  natsUrl: 'nats://127.0.0.1:4222',
  natsCredentials: '/data/bus/policy.creds.json',
  mongoUrl: 'mongodb://127.0.0.1:27017',
  issuer: 'http://127.0.0.1:9400',
  audience: 'keyward',
  secrets: { KEYWARD_KEK: 'dev-kek' },
  pcscd: false,
};

describe('serviceEnv', () => {
  it('gives each service its own database, port and the shared bus, database and issuer', () => {
    const env = serviceEnv({ ...base, name: 'device-gateway', httpPort: 9333, base: {} });
    expect(env).toMatchObject({
      SERVICE_NAME: 'device-gateway',
      NATS_URL: 'nats://127.0.0.1:4222',
      MONGO_URL: 'mongodb://127.0.0.1:27017',
      MONGO_DB: 'keyward_device_gateway',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '9333',
      AUTH_ISSUER: 'http://127.0.0.1:9400',
      AUTH_JWKS_URL: 'http://127.0.0.1:9400/jwks',
      AUTH_AUDIENCE: 'keyward',
      AUTH_PERMISSIONS_CLAIM: 'permissions',
      KEYWARD_KEK: 'dev-kek',
      KEYWARD_SIM_STATE_DIR: '/repo/.keyward/sim',
      KEYWARD_PCSC: 'false',
    });
  });

  it('turns PC/SC on for the gateway only when a pcscd is there, unless set explicitly', () => {
    const gateway = (pcscd: boolean, env: NodeJS.ProcessEnv) =>
      serviceEnv({ ...base, name: 'device-gateway', httpPort: 1, pcscd, base: env }).KEYWARD_PCSC;
    expect(gateway(true, {})).toBe('true');
    expect(gateway(true, { KEYWARD_PCSC: 'false' })).toBe('false');
    expect(
      serviceEnv({ ...base, name: 'policy', httpPort: 1, pcscd: true, base: {} }),
    ).not.toHaveProperty('KEYWARD_PCSC');
  });

  it('keeps the launcher environment but overrides what must differ per service', () => {
    const env = serviceEnv({
      ...base,
      name: 'policy',
      httpPort: 9401,
      base: { PATH: '/bin', HTTP_PORT: '1', KEYWARD_KEK: 'from-env' },
    });
    expect(env).toMatchObject({ PATH: '/bin', HTTP_PORT: '9401', KEYWARD_KEK: 'from-env' });
  });
});

describe('serviceDefaults', () => {
  const ports = {
    console: 9300,
    'device-gateway': 9333,
    identity: 9402,
    policy: 9401,
    reporting: 9403,
  };
  const options = {
    dataDir: '/data',
    pcscd: false,
    issuer: 'http://127.0.0.1:9400',
    consoleClientId: 'keyward-console',
    ports,
  };

  it('points the console at the dev issuer, the gateway and every other service started', () => {
    expect(serviceDefaults('console', options)).toEqual({
      CONSOLE_OIDC_ISSUER: 'http://127.0.0.1:9400',
      CONSOLE_OIDC_CLIENT_ID: 'keyward-console',
      CONSOLE_OIDC_SCOPE: 'openid profile keyward',
      CONSOLE_GATEWAY_URL: 'http://127.0.0.1:9333',
      POLICY_URL: 'http://127.0.0.1:9401',
      IDENTITY_URL: 'http://127.0.0.1:9402',
      REPORTING_URL: 'http://127.0.0.1:9403',
    });
    const { identity: _i, reporting: _r, ...fewer } = ports;
    expect(serviceDefaults('console', { ...options, ports: fewer })).not.toHaveProperty(
      'REPORTING_URL',
    );
  });

  it("lets the console's origins call the gateway, only when the console runs", () => {
    expect(consoleOrigins('127.0.0.1', 9300)).toEqual([
      'http://127.0.0.1:9300',
      'http://localhost:9300',
    ]);
    expect(serviceDefaults('device-gateway', options).GATEWAY_ALLOWED_ORIGINS).toBe(
      'http://127.0.0.1:9300,http://localhost:9300',
    );
    const { console: _c, ...noConsole } = ports;
    expect(serviceDefaults('device-gateway', { ...options, ports: noConsole })).not.toHaveProperty(
      'GATEWAY_ALLOWED_ORIGINS',
    );
  });

  it('is below the launcher environment', () => {
    const env = serviceEnv({
      ...base,
      name: 'console',
      httpPort: 9300,
      ports,
      base: { POLICY_URL: 'http://policy.example' },
    });
    expect(env).toMatchObject({ POLICY_URL: 'http://policy.example', HTTP_PORT: '9300' });
    expect(env.CONSOLE_GATEWAY_URL).toBe('http://127.0.0.1:9333');
  });
});

describe('databaseName', () => {
  it('is keyward_<service> with characters Mongo accepts', () => {
    expect(databaseName('device-gateway')).toBe('keyward_device_gateway');
  });
});
