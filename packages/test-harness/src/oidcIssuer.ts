import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StartOidcIssuerOptions = {
  /** Permissions put into every token unless the call overrides them. Default []. */
  permissions?: readonly string[];
  /** `aud` of issued tokens. Default "keyward". */
  audience?: string;
  /** Claim carrying the permissions. Default "permissions". */
  permissionsClaim?: string;
  /** Token lifetime. Default 3 600 s. */
  ttlSeconds?: number;
  /** Signature algorithm. Default ES256. */
  alg?: 'ES256' | 'RS256';
};

export type TokenClaims = {
  /** Default "test-user". */
  sub?: string;
  name?: string;
  /** Replaces the issuer's default permissions. */
  permissions?: readonly string[];
  /** Absolute times in seconds since the epoch, to issue expired or not-yet-valid tokens. */
  iat?: number;
  exp?: number;
  nbf?: number;
  aud?: string | string[];
  [claim: string]: unknown;
};

export type OidcIssuer = {
  /** http://127.0.0.1:<port> — the `iss` of every token. */
  issuer: string;
  /** <issuer>/jwks */
  jwksUrl: string;
  audience: string;
  /** A signed JWT access token (typ "at+jwt") for these claims. */
  token(claims?: TokenClaims): string;
  stop(): Promise<void>;
};

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * A real JWT issuer for REST auth tests: a fresh signing key, OpenID discovery at
 * /.well-known/openid-configuration and the public key set at /jwks over HTTP on a free port.
 * Tokens are verified by the services exactly as production tokens are (jose + remote JWKS).
 */
export async function startOidcIssuer(options: StartOidcIssuerOptions = {}): Promise<OidcIssuer> {
  const {
    permissions = [],
    audience = 'keyward',
    permissionsClaim = 'permissions',
    ttlSeconds = 3_600,
    alg = 'ES256',
  } = options;
  const { privateKey, publicKey } =
    alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const kid = createHash('sha256').update(JSON.stringify(jwk)).digest('base64url').slice(0, 16);
  const jwks = JSON.stringify({ keys: [{ ...jwk, kid, alg, use: 'sig' }] });

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    };
    if (path === '/jwks') return send(200, jwks);
    if (path === '/.well-known/openid-configuration') return send(200, discovery);
    return send(404, JSON.stringify({ error: 'not_found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const jwksUrl = `${issuer}/jwks`;
  const discovery = JSON.stringify({
    issuer,
    jwks_uri: jwksUrl,
    id_token_signing_alg_values_supported: [alg],
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
  });

  function token(claims: TokenClaims = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const { sub = 'test-user', permissions: perms = permissions, ...rest } = claims;
    const payload = {
      iss: issuer,
      aud: audience,
      iat: now,
      exp: now + ttlSeconds,
      jti: randomUUID(),
      sub,
      [permissionsClaim]: [...perms],
      ...rest,
    };
    const header = { alg, typ: 'at+jwt', kid };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const signature = sign('sha256', Buffer.from(input), {
      key: privateKey,
      ...(alg === 'ES256' ? { dsaEncoding: 'ieee-p1363' as const } : {}),
    });
    return `${input}.${b64url(signature)}`;
  }

  let stopped: Promise<void> | undefined;
  return {
    issuer,
    jwksUrl,
    audience,
    token,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return stopped;
    },
  };
}
