import type { CommonConfig } from '../config/commonConfig.ts';
import { type Auth, createAuth } from './createAuth.ts';
import { roleMap } from './roles.ts';

type AuthConfig = Pick<
  CommonConfig,
  | 'AUTH_ISSUER'
  | 'AUTH_JWKS_URL'
  | 'AUTH_AUDIENCE'
  | 'AUTH_PERMISSIONS_CLAIM'
  | 'AUTH_ROLES_CLAIM'
  | 'AUTH_ROLE_PERMISSIONS'
>;

/** Every service's bearer-token check from its AUTH_* variables, so all map roles alike. */
export function authFromConfig(config: AuthConfig): Auth {
  return createAuth({
    issuer: config.AUTH_ISSUER,
    ...(config.AUTH_JWKS_URL ? { jwksUrl: config.AUTH_JWKS_URL } : {}),
    ...(config.AUTH_AUDIENCE ? { audience: config.AUTH_AUDIENCE } : {}),
    permissionsClaim: config.AUTH_PERMISSIONS_CLAIM,
    rolesClaim: config.AUTH_ROLES_CLAIM,
    roles: roleMap(config.AUTH_ROLE_PERMISSIONS ?? {}),
  });
}
