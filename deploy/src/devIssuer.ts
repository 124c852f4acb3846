import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { PERMISSIONS } from '@keyward/contracts';
import * as jose from 'jose';
import { type Adapter, type AdapterPayload, Provider } from 'oidc-provider';

/** The demo administrator every dev token is issued to. */
export const DEMO_ADMIN = { clientId: 'demo-admin', name: 'Demo Admin' } as const;

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
function memoryAdapter(model: string): Adapter {
  const items = new Map<string, AdapterPayload>();
  return {
    upsert: async (id, payload) => void items.set(`${model}:${id}`, payload),
    find: async (id) => items.get(`${model}:${id}`),
    findByUid: async () => undefined,
    findByUserCode: async () => undefined,
    consume: async (id) => {
      const item = items.get(`${model}:${id}`);
      if (item) item.consumed = Math.floor(Date.now() / 1000);
    },
    destroy: async (id) => void items.delete(`${model}:${id}`),
    revokeByGrantId: async () => {},
  };
}

const TOKEN_TTL_SECONDS = 8 * 3600;

export type StartDevIssuerOptions = {
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where the signing key and client secret persist. */
  stateDir: string;
};

export type DevIssuer = {
  issuer: string;
  jwksUrl: string;
  tokenUrl: string;
  stop(): Promise<void>;
};

/**
 * The embedded development OpenID provider (oidc-provider): client-credentials grant for the
 * demo admin, ES256 JWT access tokens for audience "keyward" carrying every Keyward permission in
 * the "permissions" claim. For development only: anyone who can read .keyward/ can mint tokens.
 */
export async function startDevIssuer(options: StartDevIssuerOptions): Promise<DevIssuer> {
  const { port, host = '127.0.0.1', stateDir } = options;
  const state = await loadOrCreateIssuerState(stateDir);
  const issuer = `http://${host}:${port}`;
  const provider = new Provider(issuer, {
    adapter: memoryAdapter,
    ttl: { ClientCredentials: TOKEN_TTL_SECONDS },
    clients: [
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
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          audience: DEV_AUDIENCE,
          scope: 'keyward',
          accessTokenFormat: 'jwt',
          accessTokenTTL: TOKEN_TTL_SECONDS,
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
    extraTokenClaims: () => ({ name: DEMO_ADMIN.name, permissions: [...PERMISSIONS] }),
  } as ConstructorParameters<typeof Provider>[1]);
  const server: Server = createServer(provider.callback());
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
