import { type DeviceStatus, KeywardError, type Permission } from '@keyward/contracts';
import { statusLabel } from './deviceStatus.ts';
import { grantedPinKinds } from './pinAccess.ts';

/** Every operation the console may offer on a key; the order is the console's menu order. */
export const DEVICE_ACTIONS = [
  'configure',
  'apply-policy',
  'assign',
  'configure-and-assign',
  'pin',
  'test',
  'stock',
  'reset',
  'unlock',
] as const;
export type DeviceAction = (typeof DEVICE_ACTIONS)[number];

interface ActionRule {
  /** Statuses the operation starts from; `any` for reset (it recovers every key). */
  statuses: readonly DeviceStatus[] | 'any';
  /** The route's permission; `pin` = a PIN permission for the key's kind (pinAccess.ts). */
  permission: Permission | 'pin';
}

/**
 * Which operation starts from which status (docs/ARCHITECTURE.md "Device status"). READY keys
 * may also be configured with a policy other than the linked one; an ENROLLED key must be reset
 * (or its credential revoked) before it is assigned again.
 */
const ACTION_TABLE = {
  configure: { statuses: ['NOT_CONFIGURED', 'READY'], permission: 'device:configure' },
  'apply-policy': { statuses: ['READY'], permission: 'device:configure' },
  assign: { statuses: ['CONFIGURED', 'IN_STOCK', 'REVOKED'], permission: 'device:enroll' },
  'configure-and-assign': { statuses: ['NOT_CONFIGURED', 'READY'], permission: 'device:enroll' },
  pin: { statuses: 'any', permission: 'pin' },
  test: { statuses: ['CONFIGURED', 'IN_STOCK', 'ENROLLED'], permission: 'device:enroll' },
  stock: { statuses: ['CONFIGURED'], permission: 'device:configure' },
  reset: { statuses: 'any', permission: 'device:reset' },
  unlock: { statuses: 'any', permission: 'device:unlock' },
} as const satisfies Record<DeviceAction, ActionRule>;

/** What the table looks at: the derived status and flags, the key's kind, the caller. */
export interface ActionSubject {
  serial: string;
  status: DeviceStatus;
  flags: { locked: boolean; busy: boolean };
  keyKind: 'standard' | 'enterprise';
  pinSet: boolean;
  permissions: ReadonlySet<string>;
}

/** The operations this caller may start on this key now (the device view's `actions`). */
export function deviceActions(subject: ActionSubject): DeviceAction[] {
  return DEVICE_ACTIONS.filter((action) => refusal(action, subject) === undefined);
}

/**
 * Throws the typed refusal when `action` may not start on this key: FORBIDDEN (a missing
 * permission, audited), UNSUPPORTED (unlock of a standard key), DEVICE_LOCKED, DEVICE_BUSY or
 * CONFLICT naming the status and the statuses the operation needs.
 */
export function requireAction(action: DeviceAction, subject: ActionSubject): void {
  const error = refusal(action, subject);
  if (error) throw error;
}

function refusal(action: DeviceAction, subject: ActionSubject): KeywardError | undefined {
  const { serial, status, flags, keyKind, pinSet, permissions } = subject;
  const rule: ActionRule = ACTION_TABLE[action];
  const details = { serial, action, status };
  const permitted =
    rule.permission === 'pin'
      ? grantedPinKinds({ keyKind, permissions }).length > 0
      : permissions.has(rule.permission);
  if (!permitted) {
    const permission = rule.permission === 'pin' ? 'device:userpin:read' : rule.permission;
    return new KeywardError('FORBIDDEN', `${action} requires ${permission}`, {
      details: { ...details, permission },
    });
  }
  // The lease holder is named by the lease store's DEVICE_BUSY (routes pass busy: false).
  if (flags.busy)
    return new KeywardError('DEVICE_BUSY', `device ${serial} is busy with another operation`, {
      details,
    });
  if (action === 'unlock') {
    if (keyKind !== 'enterprise')
      return new KeywardError(
        'UNSUPPORTED',
        `device ${serial} is a standard key without an admin PIN; only a reset recovers it`,
        { details },
      );
    if (!flags.locked)
      return new KeywardError(
        'CONFLICT',
        `device ${serial} is not LOCKED; unlock is for a key whose PIN is blocked`,
        { details },
      );
    return undefined;
  }
  // A blocked PIN fails every PIN-authenticated command (CTAP 2.1 §6.5.5.2): only unlock and
  // reset help, so nothing else is offered.
  if (flags.locked && action !== 'reset')
    return new KeywardError(
      'DEVICE_LOCKED',
      `device ${serial} is LOCKED (PIN blocked); unlock or reset it before ${action}`,
      { details },
    );
  if (action === 'pin' && !pinSet)
    return new KeywardError(
      'CONFLICT',
      `device ${serial} has no PIN set, so there is none to show`,
      {
        details,
      },
    );
  if (rule.statuses !== 'any' && !rule.statuses.includes(status))
    return new KeywardError(
      'CONFLICT',
      `device ${serial} is ${statusLabel(status)}; ${action} needs ${orList(rule.statuses.map(statusLabel))}`,
      { details: { ...details, allowed: rule.statuses } },
    );
  return undefined;
}

function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
