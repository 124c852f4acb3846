import { isPermission, KeywardError, type Permission } from '@keyward/contracts';
import type { RequestHandler } from 'express';
import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
import { permissionsOfRoles, type RoleMap, roleMap } from './roles.ts';

/** Who called, from a verified token. */
export interface Principal {
  sub: string;
  name?: string;
  /**
   * Known Keyward permissions: the token's permissions claim plus what its roles grant
   * (unknown permissions and roles ignored).
   */
  permissions: ReadonlySet<Permission>;
  /** The token's roles claim as it came (empty when it has none). */
  roles: readonly string[];
  /** For event envelopes and the Keyward-Actor header: "user:<sub>". */
  actor: string;
}

/** Options of {@link createAuth}. */
export interface CreateAuthOptions {
  /** Expected `iss`. */
  issuer: string;
  /** Default: `jwks_uri` from `<issuer>/.well-known/openid-configuration`. */
  jwksUrl?: string;
  /** Expected `aud`, if any. */
  audience?: string;
  /** Claim holding the permissions (array, or space-separated string). Default "permissions". */
  permissionsClaim?: string;
  /**
   * Claim holding role or group names, a dotted path for nested claims (Keycloak's
   * `realm_access.roles`). Default "roles" (Entra ID app roles).
   */
  rolesClaim?: string;
  /** Role → permissions. Default: the built-in roles (roles.ts). */
  roles?: RoleMap;
  /** Allowed clock skew. Default 30 s. */
  clockToleranceSec?: number;
}

export interface Auth {
  /**
   * Verifies an `Authorization` header value. Throws UNAUTHENTICATED (missing, malformed,
   * expired, without `exp` or badly signed token) or UPSTREAM_UNAVAILABLE (the issuer's keys are unreachable).
   */
  verify(authorization: string | undefined): Promise<Principal>;
  /** Throws FORBIDDEN naming the permission when the principal lacks it. */
  check(principal: Principal, permission: Permission): void;
  /** Express middleware: verifies the bearer token (401) and sets `res.locals.principal`. */
  authenticate: RequestHandler;
  /** Express middleware: {@link Auth.authenticate}, then 403 unless the principal has `permission`. */
  requirePermission(permission: Permission): RequestHandler;
}

/** Bearer-token authentication against an issuer's JWKS (jose), one catch point for jose. */
export function createAuth(options: CreateAuthOptions): Auth {
  const {
    issuer,
    audience,
    permissionsClaim = 'permissions',
    rolesClaim = 'roles',
    roles: map = roleMap(),
    clockToleranceSec = 30,
  } = options;
  let keySet: ReturnType<typeof createRemoteJWKSet> | undefined;

  async function keys() {
    keySet ??= createRemoteJWKSet(new URL(options.jwksUrl ?? (await discoverJwksUrl(issuer))), {
      timeoutDuration: 5_000,
      cooldownDuration: 30_000,
    });
    return keySet;
  }

  const auth: Auth = {
    async verify(authorization) {
      const token = bearerToken(authorization);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, await keys(), {
          issuer,
          ...(audience ? { audience } : {}),
          clockTolerance: clockToleranceSec,
          // A token without "exp" would be good forever (issue 19); jose names the claim.
          requiredClaims: ['exp'],
        }));
      } catch (cause) {
        throw translateJoseError(cause);
      }
      if (typeof payload.sub !== 'string' || payload.sub === '') {
        throw unauthenticated('token has no "sub" claim', 'invalid_token');
      }
      const roles = readStrings(claimAt(payload, rolesClaim));
      return {
        sub: payload.sub,
        ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
        permissions: new Set([
          ...readStrings(payload[permissionsClaim]).filter(isPermission),
          ...permissionsOfRoles(roles, map),
        ]),
        roles,
        actor: `user:${payload.sub}`,
      };
    },
    check(principal, permission) {
      if (!principal.permissions.has(permission)) {
        throw new KeywardError('FORBIDDEN', `requires permission "${permission}"`, {
          details: { permission },
        });
      }
    },
    authenticate: async (req, res, next) => {
      res.locals.principal = await auth.verify(req.get('authorization'));
      next();
    },
    requirePermission(permission) {
      return async (req, res, next) => {
        const principal = await auth.verify(req.get('authorization'));
        res.locals.principal = principal;
        auth.check(principal, permission);
        next();
      };
    },
  };
  return auth;
}

function bearerToken(authorization: string | undefined): string {
  if (!authorization) throw unauthenticated('missing bearer token', undefined);
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization.trim());
  if (!match?.[1])
    throw unauthenticated('Authorization header is not "Bearer <token>"', 'invalid_request');
  return match[1];
}

/** An array of strings, or a space-separated string; anything else holds none. */
function readStrings(claim: unknown): string[] {
  const values = typeof claim === 'string' ? claim.split(/\s+/) : Array.isArray(claim) ? claim : [];
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}

function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part))
      return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** RFC 6750 §3.1 error codes, carried in details for the WWW-Authenticate header. */
function unauthenticated(
  message: string,
  bearerError: 'invalid_token' | 'invalid_request' | undefined,
) {
  return new KeywardError(
    'UNAUTHENTICATED',
    message,
    bearerError ? { details: { bearerError } } : {},
  );
}

function translateJoseError(cause: unknown): KeywardError {
  if (cause instanceof KeywardError) return cause;
  if (cause instanceof joseErrors.JWKSTimeout || !(cause instanceof joseErrors.JOSEError)) {
    return new KeywardError('UPSTREAM_UNAVAILABLE', 'token issuer keys unreachable', { cause });
  }
  // jose messages name the failed check ('"exp" claim timestamp check failed'), never the token.
  const error = unauthenticated(`token rejected: ${cause.message}`, 'invalid_token');
  return new KeywardError(error.code, error.message, { details: error.details ?? {}, cause });
}

async function discoverJwksUrl(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const document = (await response.json()) as { jwks_uri?: unknown };
    if (typeof document.jwks_uri !== 'string') throw new Error('no jwks_uri');
    return document.jwks_uri;
  } catch (cause) {
    throw new KeywardError('UPSTREAM_UNAVAILABLE', `OpenID discovery failed at ${url}`, { cause });
  }
}
