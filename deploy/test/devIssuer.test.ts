import { PERMISSIONS } from '@keyward/contracts';
import { freePort, tempDir } from '@keyward/test-harness';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  DEV_AUDIENCE,
  loadOrCreateIssuerState,
  requestDevToken,
  startDevIssuer,
} from '../src/devIssuer.ts';

describe('startDevIssuer', () => {
  it('issues the demo admin a JWT with every permission that verifies against its JWKS', async () => {
    const dir = tempDir('issuer');
    const issuer = await startDevIssuer({ port: await freePort(), stateDir: dir.path });
    try {
      const { clientSecret } = await loadOrCreateIssuerState(dir.path);
      const token = await requestDevToken({ tokenUrl: issuer.tokenUrl, clientSecret });
      const discovery = (await (
        await fetch(`${issuer.issuer}/.well-known/openid-configuration`)
      ).json()) as { jwks_uri: string };
      expect(discovery.jwks_uri).toBe(issuer.jwksUrl);

      const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(issuer.jwksUrl)), {
        issuer: issuer.issuer,
        audience: DEV_AUDIENCE,
      });
      expect(payload).toMatchObject({ sub: 'demo-admin', name: 'Demo Admin' });
      expect(payload.permissions).toEqual([...PERMISSIONS]);
      // Services refuse a token without "exp" (issue 19).
      expect(payload.exp).toBeGreaterThan(Math.floor(Date.now() / 1000));
    } finally {
      await issuer.stop();
      await dir.remove();
    }
  });

  it('refuses a wrong client secret', async () => {
    const dir = tempDir('issuer');
    const issuer = await startDevIssuer({ port: await freePort(), stateDir: dir.path });
    try {
      await expect(
        requestDevToken({ tokenUrl: issuer.tokenUrl, clientSecret: 'wrong' }),
      ).rejects.toThrow(/401 invalid_client/);
    } finally {
      await issuer.stop();
      await dir.remove();
    }
  });

  it('keeps its signing key across restarts, so issued tokens stay valid', async () => {
    const dir = tempDir('issuer');
    try {
      const first = await loadOrCreateIssuerState(dir.path);
      const second = await loadOrCreateIssuerState(dir.path);
      expect(second).toEqual(first);
      expect(first.signingKey).toHaveProperty('d');
      expect(first.signingKey.kid).toBeTruthy();
    } finally {
      await dir.remove();
    }
  });
});
