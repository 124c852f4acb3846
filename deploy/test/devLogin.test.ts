import { createHash, randomBytes } from 'node:crypto';
import { freePort, tempDir } from '@keyward/test-harness';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONSOLE_CLIENT_ID,
  CONSOLE_SCOPE,
  DEV_AUDIENCE,
  DEV_USERS,
  type DevIssuer,
  startDevIssuer,
} from '../src/devIssuer.ts';

const CONSOLE_ORIGIN = 'http://127.0.0.1:9300';
const REDIRECT_URI = `${CONSOLE_ORIGIN}/auth/callback`;

let issuer: DevIssuer;
let dir: ReturnType<typeof tempDir>;

beforeAll(async () => {
  dir = tempDir('dev-login');
  issuer = await startDevIssuer({
    port: await freePort(),
    stateDir: dir.path,
    consoleOrigins: [CONSOLE_ORIGIN],
    accessTokenTtlSeconds: 120,
  });
});
afterAll(async () => {
  await issuer?.stop();
  await dir?.remove();
});

/** A browser's part of the flow: cookies kept per issuer, redirects followed by hand. */
class Browser {
  readonly #cookies = new Map<string, string>();

  async go(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size)
      headers.set('cookie', [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(new URL(url, issuer.issuer), {
      ...init,
      headers,
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      this.#cookies.set(name!, value.join('='));
    }
    return response;
  }

  /** Follows the provider's redirects until one leaves it (the console's callback) or a page. */
  async follow(response: Response): Promise<Response | URL> {
    let current = response;
    for (let hops = 0; hops < 10; hops++) {
      const location = current.headers.get('location');
      if (!location) return current;
      const next = new URL(location, issuer.issuer);
      if (next.origin !== new URL(issuer.issuer).origin) return next;
      current = await this.go(next.href);
    }
    throw new Error('redirect loop at the dev provider');
  }
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authorizeUrl(challenge: string | undefined): string {
  const url = new URL('/auth', issuer.issuer);
  url.search = new URLSearchParams({
    client_id: CONSOLE_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: CONSOLE_SCOPE,
    state: 'state-1',
    nonce: 'nonce-1',
    ...(challenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
  }).toString();
  return url.href;
}

async function signIn(
  user: string,
  challenge: string,
): Promise<{ browser: Browser; code: string }> {
  const browser = new Browser();
  const login = await browser.follow(await browser.go(authorizeUrl(challenge)));
  if (login instanceof URL) throw new Error(`expected the login page, went to ${login.href}`);
  const html = await login.text();
  const action = /action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no login form in ${html}`);
  const callback = await browser.follow(
    await browser.go(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user }),
    }),
  );
  if (!(callback instanceof URL)) throw new Error(`no redirect back: ${await callback.text()}`);
  expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
  expect(callback.searchParams.get('state')).toBe('state-1');
  return { browser, code: callback.searchParams.get('code') ?? '' };
}

function redeem(code: string, verifier: string) {
  return fetch(`${issuer.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: CONSOLE_ORIGIN },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: CONSOLE_CLIENT_ID,
      code_verifier: verifier,
    }),
  });
}

describe('the dev provider signs the console in (authorization code + PKCE)', () => {
  it('offers every dev user on its login page, named with their role', async () => {
    const browser = new Browser();
    const page = await browser.follow(await browser.go(authorizeUrl(pkce().challenge)));
    expect(page).toBeInstanceOf(Response);
    const html = await (page as Response).text();
    for (const user of DEV_USERS) {
      expect(html).toContain(`value="${user.id}">${user.name}</button>`);
      expect(html).toContain(user.role);
    }
    expect((page as Response).headers.get('content-security-policy')).toContain(
      "default-src 'none'",
    );
  });

  it('issues the help-desk user a JWT for the Keyward API carrying their role, readable from the console origin', async () => {
    const { verifier, challenge } = pkce();
    const { code } = await signIn('helpdesk', challenge);
    const response = await redeem(code, verifier);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN);
    const body = (await response.json()) as {
      access_token: string;
      id_token: string;
      expires_in: number;
    };
    expect(body.expires_in).toBe(120);
    const keys = createRemoteJWKSet(new URL(issuer.jwksUrl));
    const { payload } = await jwtVerify(body.access_token, keys, {
      issuer: issuer.issuer,
      audience: DEV_AUDIENCE,
    });
    expect(payload).toMatchObject({ sub: 'helpdesk', name: 'Hal Helpdesk', roles: ['help-desk'] });
    expect(payload).not.toHaveProperty('permissions');
    const id = await jwtVerify(body.id_token, keys, { issuer: issuer.issuer });
    expect(id.payload).toMatchObject({ sub: 'helpdesk', nonce: 'nonce-1' });
  });

  it('refuses the code without the PKCE verifier it was issued for', async () => {
    const { challenge } = pkce();
    const { code } = await signIn('admin', challenge);
    const response = await redeem(code, pkce().verifier);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an authorization request without PKCE and an unknown user at the login form', async () => {
    const browser = new Browser();
    const refused = await browser.follow(await browser.go(authorizeUrl(undefined)));
    expect(refused).toBeInstanceOf(URL);
    expect((refused as URL).searchParams.get('error')).toBe('invalid_request');

    const login = (await browser.follow(
      await browser.go(authorizeUrl(pkce().challenge)),
    )) as Response;
    const action = /action="([^"]+)"/.exec(await login.text())?.[1] ?? '';
    const unknown = await browser.go(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: 'mallory' }),
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Choose one of the users below.');
  });
});
