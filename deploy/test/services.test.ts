import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@keyward/test-harness';
import { describe, expect, it } from 'vitest';
import { loadStackConfig } from '../src/config.ts';
import { databaseName, discoverServices, serviceEnv } from '../src/services.ts';

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

describe('serviceEnv', () => {
  const base = {
    config: loadStackConfig({}, '/repo'),
    natsUrl: 'nats://127.0.0.1:4222',
    mongoUrl: 'mongodb://127.0.0.1:27017',
    issuer: 'http://127.0.0.1:9400',
    audience: 'keyward',
    secrets: { KEYWARD_KEK: 'dev-kek' },
    pcscd: false,
  };

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

describe('databaseName', () => {
  it('is keyward_<service> with characters Mongo accepts', () => {
    expect(databaseName('device-gateway')).toBe('keyward_device_gateway');
  });
});
