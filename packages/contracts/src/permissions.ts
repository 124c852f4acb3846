import { z } from 'zod';

/**
 * Every permission a token can carry (design.md "Security"). A REST route declares exactly one
 * of these, or `null` for a public route.
 */
export const PERMISSIONS = [
  'device:read',
  'device:configure',
  'device:enroll',
  'device:reset',
  'device:unlock',
  'device:revoke',
  'device:userpin:read',
  'device:adminpin:read',
  'policy:write',
  'idp:write',
  'provisioning:run',
  'report:read',
  'audit:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const permissionSchema = z.enum(PERMISSIONS);

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}
