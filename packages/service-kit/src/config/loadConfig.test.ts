import { isKeywardError } from '@keyward/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commonConfig, portSchema } from './commonConfig.ts';
import { loadConfig } from './loadConfig.ts';

const schema = commonConfig.extend({
  SERVICE_NAME: z.string().default('policy'),
  HTTP_PORT: portSchema.default(9401),
  VAULT_KEK: z.string().min(44),
});
const env = {
  AUTH_ISSUER: 'http://127.0.0.1:9400',
  NATS_CREDENTIALS: '/data/bus/policy.creds.json',
  VAULT_KEK: 'k'.repeat(44),
};

describe('loadConfig', () => {
  it('applies defaults and coerces numbers', () => {
    const config = loadConfig(schema, { ...env, HTTP_PORT: '9999' });
    expect(config).toMatchObject({
      SERVICE_NAME: 'policy',
      HTTP_PORT: 9999,
      LOG_LEVEL: 'info',
      NATS_URL: 'nats://127.0.0.1:4222',
      AUTH_PERMISSIONS_CLAIM: 'permissions',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(schema, { ...env, LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });

  it('names every bad variable in one CONFIG_INVALID error, without echoing values', () => {
    let caught: unknown;
    try {
      loadConfig(schema, { HTTP_PORT: 'eighty', VAULT_KEK: 'short-secret-value' });
    } catch (error) {
      caught = error;
    }
    if (!isKeywardError(caught)) throw new Error('expected a KeywardError');
    expect(caught.code).toBe('CONFIG_INVALID');
    expect(caught.message).toContain('HTTP_PORT');
    expect(caught.message).toContain('AUTH_ISSUER');
    expect(caught.message).toContain('VAULT_KEK');
    expect(caught.message).not.toContain('short-secret-value');
  });
});
