import { isKeywardError, type KeywardError } from '@keyward/contracts';
import { freePort, type OidcIssuer, startOidcIssuer } from '@keyward/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '../src/index.ts';

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
