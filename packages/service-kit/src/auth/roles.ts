import { PERMISSIONS, type Permission, permissionSchema } from '@keyward/contracts';
import { z } from 'zod';

/**
 * Built-in roles (docs/operations.md "Roles"). Production IdPs issue roles or groups, not
 * Keyward permission strings; each service maps them the same way through createAuth.
 * - administrator: everything.
 * - help-desk: works with keys and sees user PINs, but not admin PINs, policies or IdPs.
 * - device-operator: configures, enrolls and resets keys and runs provisioning; sees no PIN.
 * - auditor: read-only (devices, reports, the audit trail).
 */
export const BUILT_IN_ROLES = {
  administrator: PERMISSIONS,
  'help-desk': [
    'device:read',
    'device:configure',
    'device:enroll',
    'device:reset',
    'device:unlock',
    'device:userpin:read',
    'report:read',
  ],
  'device-operator': [
    'device:read',
    'device:configure',
    'device:enroll',
    'device:reset',
    'provisioning:run',
  ],
  auditor: ['device:read', 'report:read', 'audit:read'],
} as const satisfies Record<string, readonly Permission[]>;

/** Role name → permissions. */
export type RoleMap = Readonly<Record<string, readonly Permission[]>>;

/**
 * AUTH_ROLE_PERMISSIONS: custom roles as JSON, `{"<role>": ["<permission>", ...]}`. A custom role
 * with a built-in name replaces the built-in one. An unknown permission is a start-up error
 * naming it, never a silently smaller role.
 */
export const rolePermissionsSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected JSON: {"<role>": ["<permission>", ...]}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().min(1), z.array(permissionSchema)));

/** The built-in roles with the custom ones over them. */
export function roleMap(custom: RoleMap = {}): RoleMap {
  return { ...BUILT_IN_ROLES, ...custom };
}

/** The permissions a set of role names grants (unknown roles grant nothing). */
export function permissionsOfRoles(roles: readonly string[], map: RoleMap): Permission[] {
  return roles.flatMap((role) => (Object.hasOwn(map, role) ? map[role]! : []));
}
