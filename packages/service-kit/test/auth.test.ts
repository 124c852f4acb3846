import { isKeywardError, type KeywardError } from '@keyward/contracts';
import { freePort, type OidcIssuer, startOidcIssuer } from '@keyward/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authFromConfig, commonConfig, createAuth, loadConfig } from '../src/index.ts';

let issuer: OidcIssuer;

beforeAll(async () => {
  issuer = await startOidcIssuer({ permissionsClaim: 'scp' });
});
afterAll(async () => {
  await issuer?.stop();
});

async function rejection(promise: Promise<unknown>): Promise<KeywardError> {
  try {
    await promise;
  } catch (error) {
    if (isKeywardError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('createAuth', () => {
  it('maps known permissions from the configured claim, ignoring unknown ones', async () => {
    const auth = createAuth({
      issuer: issuer.issuer,
      jwksUrl: issuer.jwksUrl,
      permissionsClaim: 'scp',
    });
    const token = issuer.token({
      sub: 'alice',
      name: 'Alice',
      permissions: ['device:read', 'root:all'],
    });
    const principal = await auth.verify(`Bearer ${token}`);
    expect(principal).toMatchObject({ sub: 'alice', name: 'Alice', actor: 'user:alice' });
    expect([...principal.permissions]).toEqual(['device:read']);
  });

  it('accepts a space-separated permissions claim', async () => {
    const auth = createAuth({ issuer: issuer.issuer, permissionsClaim: 'perm' });
    const token = issuer.token({ perm: 'device:read report:read' });
    expect([...(await auth.verify(`Bearer ${token}`)).permissions]).toEqual([
      'device:read',
      'report:read',
    ]);
  });

  it('rejects a non-Bearer header as UNAUTHENTICATED invalid_request', async () => {
    const auth = createAuth({ issuer: issuer.issuer });
    const error = await rejection(auth.verify('Basic dXNlcjpwYXNz'));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.details).toEqual({ bearerError: 'invalid_request' });
  });

  it('rejects a token for another audience, naming the claim', async () => {
    const auth = createAuth({ issuer: issuer.issuer, audience: 'someone-else' });
    const error = await rejection(auth.verify(`Bearer ${issuer.token()}`));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain('"aud"');
  });

  it('issue 19: rejects a token without "exp" as UNAUTHENTICATED invalid_token, naming the claim', async () => {
    const auth = createAuth({ issuer: issuer.issuer, permissionsClaim: 'scp' });
    const error = await rejection(
      auth.verify(`Bearer ${issuer.token({ permissions: ['device:read'], exp: undefined })}`),
    );
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('token rejected: missing required "exp" claim');
    expect(error.details).toEqual({ bearerError: 'invalid_token' });
  });

  it('reports an unreachable issuer as UPSTREAM_UNAVAILABLE, not as a bad token', async () => {
    const auth = createAuth({ issuer: `http://127.0.0.1:${await freePort()}` });
    const error = await rejection(auth.verify(`Bearer ${issuer.token()}`));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('check() names the missing permission', async () => {
    const auth = createAuth({ issuer: issuer.issuer, permissionsClaim: 'scp' });
    const principal = await auth.verify(`Bearer ${issuer.token({ permissions: ['device:read'] })}`);
    expect(() => auth.check(principal, 'device:read')).not.toThrow();
    expect(() => auth.check(principal, 'device:reset')).toThrow(
      'requires permission "device:reset"',
    );
  });
});

describe('roles', () => {
  it('grants a built-in role its permissions, added to those of the permissions claim', async () => {
    const auth = createAuth({ issuer: issuer.issuer, permissionsClaim: 'scp' });
    const token = issuer.token({ permissions: ['audit:read'], roles: ['help-desk'] });
    const principal = await auth.verify(`Bearer ${token}`);
    expect(principal.roles).toEqual(['help-desk']);
    expect(principal.permissions.has('device:userpin:read')).toBe(true);
    expect(principal.permissions.has('device:adminpin:read')).toBe(false);
    expect(principal.permissions.has('audit:read')).toBe(true);
  });

  it('reads roles from a nested claim and ignores roles nobody defined', async () => {
    const auth = createAuth({ issuer: issuer.issuer, rolesClaim: 'realm_access.roles' });
    const token = issuer.token({ realm_access: { roles: ['auditor', 'offline_access'] } });
    const principal = await auth.verify(`Bearer ${token}`);
    expect([...principal.permissions].sort()).toEqual(['audit:read', 'device:read', 'report:read']);
  });

  it('applies custom roles from AUTH_ROLE_PERMISSIONS, replacing a built-in one of that name', async () => {
    const config = loadConfig(commonConfig, {
      SERVICE_NAME: 'probe',
      HTTP_PORT: '0',
      AUTH_ISSUER: issuer.issuer,
      NATS_CREDENTIALS: '/data/bus/probe.creds.json',
      AUTH_PERMISSIONS_CLAIM: 'scp',
      AUTH_ROLES_CLAIM: 'groups',
      AUTH_ROLE_PERMISSIONS: JSON.stringify({
        'Key Stockers': ['device:read', 'device:configure'],
        auditor: ['audit:read'],
      }),
    });
    const auth = authFromConfig(config);
    const stocker = await auth.verify(`Bearer ${issuer.token({ groups: ['Key Stockers'] })}`);
    expect([...stocker.permissions].sort()).toEqual(['device:configure', 'device:read']);
    const auditor = await auth.verify(`Bearer ${issuer.token({ groups: 'auditor' })}`);
    expect([...auditor.permissions]).toEqual(['audit:read']);
  });

  it('refuses custom roles that name an unknown permission or are not JSON, naming the variable', () => {
    const base = {
      SERVICE_NAME: 'probe',
      HTTP_PORT: '0',
      AUTH_ISSUER: issuer.issuer,
      NATS_CREDENTIALS: '/data/bus/probe.creds.json',
    };
    expect(() =>
      loadConfig(commonConfig, {
        ...base,
        AUTH_ROLE_PERMISSIONS: JSON.stringify({ ops: ['device:everything'] }),
      }),
    ).toThrow(/AUTH_ROLE_PERMISSIONS/);
    expect(() => loadConfig(commonConfig, { ...base, AUTH_ROLE_PERMISSIONS: '{ops' })).toThrow(
      /AUTH_ROLE_PERMISSIONS.*expected JSON/,
    );
  });
});
