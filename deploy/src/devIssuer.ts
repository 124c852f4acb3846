import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { PERMISSIONS } from '@keyward/contracts';
import * as jose from 'jose';
import { type Adapter, type AdapterPayload, Provider } from 'oidc-provider';
import { devUser, handleInteraction, logoutPage, signedOutPage } from './devLogin.ts';

export { DEV_USERS, type DevUser } from './devLogin.ts';

/** The demo administrator every dev token is issued to. */
export const DEMO_ADMIN = { clientId: 'demo-admin', name: 'Demo Admin' } as const;

/** The console's public client (authorization code + PKCE, no secret). */
export const CONSOLE_CLIENT_ID = 'keyward-console';
/** The scope the console asks for: OpenID Connect plus the Keyward API. */
export const CONSOLE_SCOPE = 'openid profile keyward';

/** Audience of the access tokens; services check it through AUTH_AUDIENCE. */
export const DEV_AUDIENCE = 'keyward';

// RFC 8707 resource indicator the tokens are issued for; oidc-provider issues JWT access
// tokens (instead of opaque ones) only for a resource server.
const RESOURCE = 'urn:keyward:api';

export type DevIssuerState = {
  /** Private signing key (JWK), kept so tokens stay valid across restarts. */
  signingKey: jose.JWK;
  clientSecret: string;
  cookieKey: string;
};

/** Reads `<dir>/dev-issuer.json`, creating it with a new key and secret on first use. */
export async function loadOrCreateIssuerState(dir: string): Promise<DevIssuerState> {
  const file = join(dir, 'dev-issuer.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevIssuerState;
  const { privateKey } = await jose.generateKeyPair('ES256', { extractable: true });
  const state: DevIssuerState = {
    signingKey: { ...(await jose.exportJWK(privateKey)), alg: 'ES256', use: 'sig' },
    clientSecret: randomBytes(24).toString('base64url'),
    cookieKey: randomBytes(24).toString('base64url'),
  };
  state.signingKey.kid = await jose.calculateJwkThumbprint(state.signingKey);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(state, null, 2), { mode: 0o600 });
  return state;
}

// Tokens are self-contained JWTs, so nothing the provider stores has to outlive the process;
// an explicit in-memory adapter keeps oidc-provider from warning about its built-in one.
// Browser sessions and grants live here too, so a launcher restart signs the console out.
function memoryAdapter(): Adapter {
  const items = new Map<string, AdapterPayload>();
  const sweep = () => {
    const now = Math.floor(Date.now() / 1000);
    for (const [id, item] of items)
      if (typeof item.exp === 'number' && item.exp < now) items.delete(id);
  };
  return {
    upsert: async (id, payload, expiresIn) => {
      if (items.size > 1_000) sweep();
      items.set(id, { ...payload, exp: Math.floor(Date.now() / 1000) + (expiresIn ?? 3600) });
    },
    find: async (id) => items.get(id),
    findByUid: async (uid) => [...items.values()].find((item) => item.uid === uid),
    findByUserCode: async () => undefined,
    consume: async (id) => {
      const item = items.get(id);
      if (item) item.consumed = Math.floor(Date.now() / 1000);
    },
    destroy: async (id) => void items.delete(id),
    revokeByGrantId: async (grantId) => {
      for (const [id, item] of items) if (item.grantId === grantId) items.delete(id);
    },
  };
}

const TOKEN_TTL_SECONDS = 8 * 3600;
/** The console's access tokens: an hour, then "session expired, sign in again". */
const CONSOLE_TOKEN_TTL_SECONDS = 3600;

export type StartDevIssuerOptions = {
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where the signing key and client secret persist. */
  stateDir: string;
  /** Origins the console is served from; each gets the console's redirect URIs. */
  consoleOrigins?: readonly string[];
  /** Lifetime of the console's access tokens. Default 3600 s (tests shorten it). */
  accessTokenTtlSeconds?: number;
};

export type DevIssuer = {
  issuer: string;
  jwksUrl: string;
  tokenUrl: string;
  stop(): Promise<void>;
};

/**
 * The embedded development OpenID provider (oidc-provider), ES256 JWT access tokens for audience
 * "keyward": the client-credentials grant for the demo admin (every permission in the
 * "permissions" claim, `npm run token`), and the console's authorization code + PKCE sign-in
 * with a login page offering the dev users (their role in the "roles" claim). For development
 * only: anyone who can read .keyward/ can mint tokens.
 */
export async function startDevIssuer(options: StartDevIssuerOptions): Promise<DevIssuer> {
  const { port, host = '127.0.0.1', stateDir, consoleOrigins = [] } = options;
  const consoleTtl = options.accessTokenTtlSeconds ?? CONSOLE_TOKEN_TTL_SECONDS;
  const state = await loadOrCreateIssuerState(stateDir);
  const issuer = `http://${host}:${port}`;
  const provider = new Provider(issuer, {
    adapter: memoryAdapter,
    ttl: {
      ClientCredentials: TOKEN_TTL_SECONDS,
      AccessToken: consoleTtl,
      AuthorizationCode: 60,
      IdToken: consoleTtl,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const user = devUser(sub);
      if (!user) return undefined;
      return {
        accountId: user.id,
        claims: () => ({ sub: user.id, name: user.name, preferred_username: user.id }),
      };
    },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    scopes: ['openid', 'profile', 'keyward'],
    clients: [
      ...(consoleOrigins.length
        ? [
            {
              client_id: CONSOLE_CLIENT_ID,
              client_name: 'Keyward console',
              application_type: 'web',
              grant_types: ['authorization_code'],
              response_types: ['code'],
              redirect_uris: consoleOrigins.map((o) => `${o}/auth/callback`),
              post_logout_redirect_uris: consoleOrigins.map((o) => `${o}/`),
              token_endpoint_auth_method: 'none',
              id_token_signed_response_alg: 'ES256',
            },
          ]
        : []),
      {
        client_id: DEMO_ADMIN.clientId,
        client_secret: state.clientSecret,
        client_name: DEMO_ADMIN.name,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [state.signingKey as jose.JWK & { kid: string }] },
    cookies: { keys: [state.cookieKey] },
    // The console calls the token endpoint from its own origin.
    clientBasedCORS: (_ctx: unknown, origin: string) => consoleOrigins.includes(origin),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: { body: string }, form: string) => {
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx: { body: string }) => {
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (
          _ctx: unknown,
          _resource: string,
          client: { clientId: string },
        ) => ({
          audience: DEV_AUDIENCE,
          scope: 'keyward',
          accessTokenFormat: 'jwt',
          accessTokenTTL: client.clientId === CONSOLE_CLIENT_ID ? consoleTtl : TOKEN_TTL_SECONDS,
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
    // A dev user's token names their role (mapped by every service); the demo admin's names
    // every permission.
    extraTokenClaims: (_ctx: unknown, token: { accountId?: string }) => {
      const user = token.accountId ? devUser(token.accountId) : undefined;
      return user
        ? { name: user.name, roles: [user.role] }
        : { name: DEMO_ADMIN.name, permissions: [...PERMISSIONS] };
    },
  } as ConstructorParameters<typeof Provider>[1]);
  const callback = provider.callback();
  const server: Server = createServer((req, res) => {
    // Browsers ask for one on every page of the provider; there is none.
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    handleInteraction(provider, req, res)
      .then((handled) => {
        if (!handled) callback(req, res);
      })
      .catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`sign-in failed: ${(error as Error).message}; start again from the console`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    tokenUrl: `${issuer}/token`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type RequestDevTokenOptions = { tokenUrl: string; clientSecret: string };

/** Asks the dev issuer for an access token for the demo admin (client credentials). */
export async function requestDevToken(options: RequestDevTokenOptions): Promise<string> {
  const { tokenUrl, clientSecret } = options;
  const basic = Buffer.from(`${DEMO_ADMIN.clientId}:${clientSecret}`).toString('base64');
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'keyward' }),
  });
  const body = (await response.json()) as {
    access_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token) {
    throw new Error(
      `token request to ${tokenUrl} failed: ${response.status} ${body.error ?? ''} ${body.error_description ?? ''}`.trim(),
    );
  }
  return body.access_token;
}
