import * as jose from 'jose';
import * as client from 'openid-client';
import type { IdpFailureKindName } from '../domain/connection/failureKind.ts';
import { classifyNetworkError } from '../domain/connection/failureKind.ts';
import { idpError } from '../domain/connection/idpError.ts';
import type { ProviderIo } from './providerHttp.ts';

export type ClientCredentialAuth =
  | { kind: 'client_secret_post' | 'client_secret_basic'; secret: string }
  | { kind: 'private_key_jwt'; privateKeyPem: string; keyId: string; alg?: string };

export interface TokenSourceOptions {
  provider: string;
  issuer: string;
  tokenUrl: string;
  clientId: string;
  auth: ClientCredentialAuth;
  /** Space-separated scopes to request. */
  scope?: string;
  /** Permit http:// token endpoints on loopback hosts only (local emulators). Default false. */
  allowInsecureLoopback?: boolean;
  io: ProviderIo;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Refresh this long before the provider's expiry, so a token never dies in flight. */
const EARLY_REFRESH_MS = 60_000;

/**
 * Client-credentials tokens through openid-client (client secret, or private_key_jwt with the
 * assertion audience set to the token endpoint, as Okta and Entra require — idp-apis.md §5.1).
 * Caches the token until shortly before expiry. Failures become idpError with a precise kind.
 */
export function createTokenSource(options: TokenSourceOptions) {
  const { provider, io } = options;
  let cached: { token: string; expiresAt: number } | undefined;
  let config: client.Configuration | undefined;

  async function configuration(): Promise<client.Configuration> {
    if (config) return config;
    const tokenUrl = new URL(options.tokenUrl);
    let auth: client.ClientAuth;
    if (options.auth.kind === 'private_key_jwt') {
      const alg = options.auth.alg ?? 'RS256';
      let key: jose.CryptoKey;
      try {
        key = await jose.importPKCS8(options.auth.privateKeyPem, alg);
      } catch (err) {
        throw idpError(
          {
            kind: 'BAD_CREDENTIALS',
            provider,
            operation: 'token',
            providerMessage: `private key is not a PKCS#8 PEM usable for ${alg}`,
          },
          err,
        );
      }
      auth = client.PrivateKeyJwt(
        { key, kid: options.auth.keyId },
        {
          [client.modifyAssertion]: (_header, payload) => {
            payload.aud = options.tokenUrl;
          },
        },
      );
    } else if (options.auth.kind === 'client_secret_basic') {
      auth = client.ClientSecretBasic(options.auth.secret);
    } else {
      auth = client.ClientSecretPost(options.auth.secret);
    }
    const c = new client.Configuration(
      { issuer: options.issuer, token_endpoint: options.tokenUrl },
      options.clientId,
      {},
      auth,
    );
    c[client.customFetch] = (url, init) =>
      io.fetch(url, { ...init, signal: AbortSignal.timeout(io.timeoutMs) } as RequestInit);
    if (tokenUrl.protocol === 'http:') {
      if (!options.allowInsecureLoopback || !LOOPBACK.has(tokenUrl.hostname)) {
        throw idpError({
          kind: 'TLS',
          provider,
          operation: 'token',
          providerMessage: `token endpoint must use https, was ${tokenUrl.origin}`,
        });
      }
      client.allowInsecureRequests(c);
    }
    config = c;
    return c;
  }

  function tokenFailure(err: unknown) {
    if (err instanceof client.ResponseBodyError) {
      const kind: IdpFailureKindName =
        err.error === 'invalid_client' || err.error === 'unauthorized_client'
          ? 'BAD_CREDENTIALS'
          : err.error === 'invalid_scope'
            ? 'MISSING_PERMISSION'
            : err.status >= 500
              ? 'PROVIDER_ERROR'
              : err.status === 429
                ? 'RATE_LIMITED'
                : 'REJECTED';
      return idpError(
        {
          kind,
          provider,
          operation: 'token',
          status: err.status,
          providerCode: err.error,
          ...(err.error_description ? { providerMessage: err.error_description } : {}),
          ...(kind === 'MISSING_PERMISSION' && options.scope
            ? { missing: `scope ${options.scope}` }
            : {}),
        },
        err,
      );
    }
    if (err instanceof client.WWWAuthenticateChallengeError) {
      // e.g. client_secret_basic refused: 401 with `WWW-Authenticate: Basic error="invalid_client"`.
      const code = err.cause[0]?.parameters.error;
      const kind: IdpFailureKindName =
        err.status === 401 || code === 'invalid_client'
          ? 'BAD_CREDENTIALS'
          : err.status === 403
            ? 'MISSING_PERMISSION'
            : 'REJECTED';
      return idpError(
        {
          kind,
          provider,
          operation: 'token',
          status: err.status,
          ...(code ? { providerCode: code } : {}),
        },
        err,
      );
    }
    const status = (err as { cause?: { status?: unknown } }).cause;
    if (err instanceof client.ClientError && status instanceof Response) {
      const kind: IdpFailureKindName =
        status.status === 404
          ? 'NOT_FOUND'
          : status.status === 401
            ? 'BAD_CREDENTIALS'
            : status.status >= 500
              ? 'PROVIDER_ERROR'
              : 'INVALID_RESPONSE';
      return idpError({ kind, provider, operation: 'token', status: status.status }, err);
    }
    const net = classifyNetworkError(err);
    return idpError(
      {
        kind: net.kind,
        provider,
        operation: 'token',
        ...(net.systemCode ? { systemCode: net.systemCode } : {}),
      },
      err,
    );
  }

  return async function getToken(forceRefresh: boolean): Promise<string> {
    const now = io.clock().getTime();
    if (!forceRefresh && cached && cached.expiresAt - EARLY_REFRESH_MS > now) return cached.token;
    const c = await configuration();
    try {
      const res = await client.clientCredentialsGrant(
        c,
        options.scope ? { scope: options.scope } : {},
      );
      cached = { token: res.access_token, expiresAt: now + (res.expires_in ?? 3600) * 1000 };
      return res.access_token;
    } catch (err) {
      cached = undefined;
      throw tokenFailure(err);
    }
  };
}
