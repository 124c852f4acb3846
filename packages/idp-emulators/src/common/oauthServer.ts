import type { Request } from 'express';
import * as jose from 'jose';
import { type Adapter, type AdapterPayload, Provider } from 'oidc-provider';

/** A confidential client of an emulator's token endpoint. */
export type OAuthClientSpec =
  | {
      clientId: string;
      clientSecret: string;
      authMethod?: 'client_secret_post' | 'client_secret_basic';
    }
  | { clientId: string; publicJwk: jose.JWK; authMethod?: 'private_key_jwt' };

export interface OAuthServerOptions {
  /** Issuer URL; the provider is mounted at its path. */
  issuer: string;
  /** Token endpoint path relative to the issuer, e.g. `/oauth2/v2.0/token`. */
  tokenPath: string;
  /** JWKS path relative to the issuer. Default `/jwks`. */
  jwksPath?: string;
  /** Scopes the server knows (requests for others fail with invalid_scope). */
  scopes: string[];
  clients: OAuthClientSpec[];
  /** Per-client allowed scopes (oidc-provider rejects a token request for any other). */
  clientScopes?: (clientId: string) => string[] | undefined;
  /** Access token lifetime. Default 3600 s, as Entra, Okta and PingOne issue. */
  accessTokenTtlSeconds?: number;
}

/** The bearer behind an API request. */
export interface Bearer {
  clientId: string;
  scopes: Set<string>;
}

/** In-memory storage for oidc-provider artefacts (the built-in one logs a warning on start). */
class MemoryAdapter implements Adapter {
  private readonly model: string;
  private readonly store: Map<string, AdapterPayload>;
  constructor(model: string, store: Map<string, AdapterPayload>) {
    this.model = model;
    this.store = store;
  }
  private key(id: string) {
    return `${this.model}:${id}`;
  }
  async upsert(id: string, payload: AdapterPayload): Promise<void> {
    this.store.set(this.key(id), payload);
  }
  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.store.get(this.key(id));
  }
  async findByUserCode(): Promise<AdapterPayload | undefined> {
    return undefined;
  }
  async findByUid(): Promise<AdapterPayload | undefined> {
    return undefined;
  }
  async consume(id: string): Promise<void> {
    const p = this.store.get(this.key(id));
    if (p) p.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string): Promise<void> {
    this.store.delete(this.key(id));
  }
  async revokeByGrantId(): Promise<void> {}
}

/**
 * A real OAuth 2.0 authorization server (oidc-provider) issuing client-credentials tokens. Client
 * secrets and private_key_jwt assertions (signature against the registered public JWK, aud, exp,
 * jti replay) are checked by oidc-provider itself, not by emulator code.
 */
export async function createOAuthServer(options: OAuthServerOptions) {
  const {
    issuer,
    tokenPath,
    jwksPath = '/jwks',
    scopes,
    clients,
    accessTokenTtlSeconds = 3600,
  } = options;
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const signingJwk = {
    ...(await jose.exportJWK(privateKey)),
    kid: 'emulator-1',
    alg: 'RS256',
    use: 'sig',
  };
  const store = new Map<string, AdapterPayload>();
  const provider = new Provider(issuer, {
    adapter: (model: string) => new MemoryAdapter(model, store),
    clients: clients.map((c) => {
      const allowed = options.clientScopes?.(c.clientId);
      const common = {
        client_id: c.clientId,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        ...(allowed ? { scope: allowed.join(' ') } : {}),
      };
      if ('clientSecret' in c) {
        return {
          ...common,
          client_secret: c.clientSecret,
          token_endpoint_auth_method: c.authMethod ?? 'client_secret_post',
        };
      }
      return {
        ...common,
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: [c.publicJwk] },
      };
    }),
    clientAuthMethods: ['client_secret_post', 'client_secret_basic', 'private_key_jwt'],
    features: {
      clientCredentials: { enabled: true },
      devInteractions: { enabled: false },
      introspection: { enabled: true },
    },
    scopes,
    routes: { token: tokenPath, jwks: jwksPath },
    jwks: { keys: [signingJwk as jose.JWK & { kid: string }] },
    cookies: { keys: ['keyward-emulator-cookie-key'] },
    ttl: { ClientCredentials: accessTokenTtlSeconds },
  } as ConstructorParameters<typeof Provider>[1]);

  /** Resolves the bearer token of a request; undefined for missing, unknown or expired tokens. */
  async function bearer(req: Request): Promise<Bearer | undefined> {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header);
    if (!match?.[1]) return undefined;
    const token = await provider.ClientCredentials.find(match[1]);
    if (!token || token.isExpired) return undefined;
    return {
      clientId: token.clientId as string,
      scopes: new Set(
        String(token.scope ?? '')
          .split(' ')
          .filter(Boolean),
      ),
    };
  }

  return {
    provider,
    tokenUrl: `${issuer}${tokenPath}`,
    /** Request handler to mount at the issuer's path. */
    callback: provider.callback(),
    bearer,
  };
}

export type OAuthServer = Awaited<ReturnType<typeof createOAuthServer>>;
