import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { startOidcIssuer } from '../src/index.ts';

describe('startOidcIssuer', () => {
  it('issues tokens that verify against its JWKS over HTTP, with the permissions claim', async () => {
    const oidc = await startOidcIssuer({ permissions: ['device:read'] });
    try {
      const discovery = await (
        await fetch(`${oidc.issuer}/.well-known/openid-configuration`)
      ).json();
      expect(discovery).toMatchObject({ issuer: oidc.issuer, jwks_uri: oidc.jwksUrl });

      const jwks = createRemoteJWKSet(new URL(oidc.jwksUrl));
      const { payload } = await jwtVerify(oidc.token({ sub: 'alice' }), jwks, {
        issuer: oidc.issuer,
        audience: 'keyward',
      });
      expect(payload).toMatchObject({ sub: 'alice', permissions: ['device:read'] });

      const other = await jwtVerify(oidc.token({ permissions: ['audit:read'] }), jwks);
      expect(other.payload.permissions).toEqual(['audit:read']);
    } finally {
      await oidc.stop();
    }
  });

  it('signs RS256 too and can issue expired tokens that verification rejects', async () => {
    const oidc = await startOidcIssuer({ alg: 'RS256', permissionsClaim: 'roles' });
    try {
      const jwks = createRemoteJWKSet(new URL(oidc.jwksUrl));
      const token = oidc.token({ permissions: ['policy:write'] });
      const { payload, protectedHeader } = await jwtVerify(token, jwks);
      expect(protectedHeader.alg).toBe('RS256');
      expect(payload.roles).toEqual(['policy:write']);

      const past = Math.floor(Date.now() / 1000) - 600;
      await expect(jwtVerify(oidc.token({ iat: past - 60, exp: past }), jwks)).rejects.toThrow(
        errors.JWTExpired,
      );
    } finally {
      await oidc.stop();
    }
  });

  it('has keys of its own: another issuer’s token does not verify', async () => {
    const [a, b] = await Promise.all([startOidcIssuer(), startOidcIssuer()]);
    try {
      const jwksA = createRemoteJWKSet(new URL(a.jwksUrl));
      await expect(jwtVerify(b.token(), jwksA)).rejects.toThrow(errors.JWKSNoMatchingKey);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
