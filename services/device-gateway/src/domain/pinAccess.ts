import type { Permission } from '@keyward/contracts';
import { KeywardError } from '@keyward/contracts';

export type PinKind = 'user' | 'admin';

/**
 * The initial-PIN view table (issue 5 "Initial PIN"): a standard key has only a user PIN; an
 * enterprise key has a user and an admin PIN. Each is shown to holders of its own permission.
 */
const PIN_TABLE = {
  standard: [{ kind: 'user', permission: 'device:userpin:read' }],
  enterprise: [
    { kind: 'user', permission: 'device:userpin:read' },
    { kind: 'admin', permission: 'device:adminpin:read' },
  ],
} as const satisfies Record<string, readonly { kind: PinKind; permission: Permission }[]>;

export interface PinAccessOptions {
  keyKind: 'standard' | 'enterprise';
  permissions: ReadonlySet<string>;
}

/**
 * Which PINs the caller may see; throws FORBIDDEN (403, "no PIN option") when none. The
 * message names the permissions that would grant access, never a PIN.
 */
export function pinAccess(options: PinAccessOptions): PinKind[] {
  const granted = grantedPinKinds(options);
  if (granted.length === 0) {
    const rows = PIN_TABLE[options.keyKind];
    const needed = rows.map((r) => r.permission).join(' or ');
    throw new KeywardError(
      'FORBIDDEN',
      `viewing the PIN of a ${options.keyKind} key requires ${needed}`,
      {
        // `permission` (the least one that would grant a view) lets the refusal be audited as
        // keyward.admin.access_denied; `required` lists every option.
        details: { permission: rows[0].permission, required: rows.map((r) => r.permission) },
      },
    );
  }
  return granted;
}

/** The PIN kinds the caller may see, possibly none (the device view's `pin` action). */
export function grantedPinKinds(options: PinAccessOptions): PinKind[] {
  const { keyKind, permissions } = options;
  return PIN_TABLE[keyKind].filter((r) => permissions.has(r.permission)).map((r) => r.kind);
}

/** The `which` argument of keyward.policy.pin.read for a set of granted kinds. */
export function pinReadWhich(kinds: readonly PinKind[]): 'user' | 'admin' | 'both' {
  if (kinds.includes('user') && kinds.includes('admin')) return 'both';
  return kinds.includes('admin') ? 'admin' : 'user';
}
