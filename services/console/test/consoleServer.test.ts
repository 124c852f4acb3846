import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createLogger } from '@keyward/service-kit';
import {
  freePort,
  type OidcIssuer,
  startOidcIssuer,
  type TempDir,
  tempDir,
} from '@keyward/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleConfigSchema } from '../src/config.ts';
import { type RunningConsole, startConsole } from '../src/startConsole.ts';

/** A real HTTP upstream that answers what it was sent, standing in for a central service. */
async function echoUpstream(): Promise<{
  url: string;
  seen: { url: string; headers: IncomingHttpHeaders; body: string }[];
  server: Server;
}> {
  const seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ upstream: true, url: req.url }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

describe('the console service', () => {
  let issuer: OidcIssuer;
  let dist: TempDir;
  let upstream: Awaited<ReturnType<typeof echoUpstream>>;
  let app: RunningConsole;
  let base: string;
  const gatewayUrl = 'http://127.0.0.1:9333';

  beforeAll(async () => {
    [issuer, dist, upstream] = await Promise.all([
      startOidcIssuer(),
      tempDir('console-dist'),
      echoUpstream(),
    ]);
    writeFileSync(
      join(dist.path, 'index.html'),
      '<!doctype html><title>Keyward</title><div id="root"></div>',
    );
    const deadPort = await freePort();
    const config = consoleConfigSchema.parse({
      HTTP_PORT: '0',
      AUTH_ISSUER: issuer.issuer,
      AUTH_JWKS_URL: issuer.jwksUrl,
      AUTH_AUDIENCE: issuer.audience,
      CONSOLE_GATEWAY_URL: gatewayUrl,
      CONSOLE_DIST_DIR: dist.path,
      POLICY_URL: upstream.url,
      // Nothing listens there: the proxy must say the service is unreachable.
      IDENTITY_URL: `http://127.0.0.1:${deadPort}`,
    });
    app = await startConsole({
      config,
      logger: createLogger({ name: 'console', level: 'silent' }),
    });
    base = app.url;
  });
  afterAll(async () => {
    await app?.stop();
    upstream?.server.close();
    await issuer?.stop();
    await dist?.remove();
  });

  it('tells the app where to sign in and where each API is', async () => {
    const response = await fetch(`${base}/config.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      oidc: { issuer: issuer.issuer, clientId: 'keyward-console' },
      gatewayUrl,
      services: { policy: '/api/policy', identity: '/api/identity', reporting: '/api/reporting' },
    });
  });

  it('serves the app under a strict Content-Security-Policy without inline script', async () => {
    const response = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ${gatewayUrl} ${issuer.issuer}`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers deep links with the app, so /assign-user/<name> loads it', async () => {
    const response = await fetch(`${base}/assign-user/alice%40contoso.example`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });

  it('forwards /api/policy/… with the caller’s bearer token and body to the policy service', async () => {
    const response = await fetch(`${base}/api/policy/policies?x=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer the-callers-token', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Standard' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ upstream: true, url: '/policies?x=1' });
    const last = upstream.seen.at(-1)!;
    expect(last.headers.authorization).toBe('Bearer the-callers-token');
    expect(JSON.parse(last.body)).toEqual({ name: 'Standard' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('says which service is unreachable or not configured instead of hanging', async () => {
    const down = await fetch(`${base}/api/identity/idps`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { error: unknown }).error).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'the identity service is unreachable',
    });
    const unset = await fetch(`${base}/api/reporting/inventory`);
    expect(unset.status).toBe(503);
    expect(((await unset.json()) as { error: { message: string } }).error.message).toContain(
      'REPORTING_URL',
    );
  });

  it('tells a signed-in caller who they are and what they may do; refuses without a token', async () => {
    const anonymous = await fetch(`${base}/api/whoami`);
    expect(anonymous.status).toBe(401);
    const token = issuer.token({
      sub: 'hal',
      name: 'Hal',
      permissions: ['device:read', 'device:reset'],
      roles: ['auditor'],
    });
    const response = await fetch(`${base}/api/whoami`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    // The permissions claim and what the auditor role grants, as every service maps them.
    expect(await response.json()).toMatchObject({
      sub: 'hal',
      name: 'Hal',
      roles: ['auditor'],
      permissions: ['audit:read', 'device:read', 'device:reset', 'report:read'],
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('is ready only once the app is built', async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ checks: { app: true } });
  });
});
