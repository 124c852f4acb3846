import type { Permission } from '@keyward/contracts';
import type { RequestHandler } from 'express';
import type { Auth } from './createAuth.ts';

/**
 * Express middleware: 401 (with WWW-Authenticate) for a missing or invalid token, 403 naming
 * the permission for a valid token without it. Puts the principal in `res.locals.principal`.
 */
export function requirePermission(auth: Auth, permission: Permission): RequestHandler {
  return auth.requirePermission(permission);
}
