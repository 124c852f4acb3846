import { describe, expect, it } from 'vitest';
import { loadStackConfig, servicePortVariable } from '../src/config.ts';

describe('loadStackConfig', () => {
  it('uses the design.md ports and ./.keyward by default', () => {
    const config = loadStackConfig({}, '/repo');
    expect(config).toMatchObject({
      dataDir: '/repo/.keyward',
      natsPort: 4222,
      databasePort: 27017,
      issuerPort: 9400,
      pcscd: true,
    });
    expect(config.servicePort('device-gateway', 0)).toBe(9333);
    expect(config.servicePort('policy', 1)).toBe(9401);
    expect(config.servicePort('identity', 2)).toBe(9402);
    expect(config.servicePort('reporting', 3)).toBe(9403);
    expect(config.servicePort('printer', 4)).toBe(9404);
    expect(config.servicePort('console', 6)).toBe(9300);
    expect(config.servicePort('something-new', 5)).toBe(9415);
  });

  it('takes every port and the data dir from the environment', () => {
    const config = loadStackConfig(
      {
        KEYWARD_DATA_DIR: '/data',
        KEYWARD_NATS_PORT: '14222',
        KEYWARD_DB_PORT: '17017',
        KEYWARD_ISSUER_PORT: '19400',
        DEVICE_GATEWAY_HTTP_PORT: '19333',
        KEYWARD_PCSCD: '0',
      },
      '/repo',
    );
    expect(config).toMatchObject({
      dataDir: '/data',
      natsPort: 14222,
      databasePort: 17017,
      issuerPort: 19400,
      pcscd: false,
    });
    expect(config.servicePort('device-gateway', 0)).toBe(19333);
  });

  it('names the variable when a port is not a port', () => {
    expect(() => loadStackConfig({ KEYWARD_NATS_PORT: 'nats' }, '/repo')).toThrow(
      'KEYWARD_NATS_PORT must be a TCP port (1-65535), was "nats"',
    );
    const config = loadStackConfig({ POLICY_HTTP_PORT: '70000' }, '/repo');
    expect(() => config.servicePort('policy', 0)).toThrow(/POLICY_HTTP_PORT/);
  });
});

describe('servicePortVariable', () => {
  it('derives <SERVICE>_HTTP_PORT from the folder name', () => {
    expect(servicePortVariable('device-gateway')).toBe('DEVICE_GATEWAY_HTTP_PORT');
    expect(servicePortVariable('policy')).toBe('POLICY_HTTP_PORT');
  });
});
