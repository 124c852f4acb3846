import type { DeviceStatus } from '@keyward/contracts';
import { describe, expect, it } from 'vitest';
import { type ActionSubject, deviceActions, requireAction } from './deviceActions.ts';

const EVERYTHING = new Set([
  'device:read',
  'device:configure',
  'device:enroll',
  'device:reset',
  'device:unlock',
  'device:userpin:read',
  'device:adminpin:read',
]);

function subject(patch: Partial<ActionSubject> = {}): ActionSubject {
  return {
    serial: 'KW000001',
    status: 'NOT_CONFIGURED',
    flags: { locked: false, busy: false },
    keyKind: 'standard',
    pinSet: false,
    permissions: EVERYTHING,
    ...patch,
  };
}

describe('actions per status', () => {
  it.each([
    ['NOT_CONFIGURED', false, ['configure', 'configure-and-assign', 'reset']],
    ['READY', false, ['configure', 'apply-policy', 'configure-and-assign', 'reset']],
    ['CONFIGURED', true, ['assign', 'pin', 'test', 'stock', 'reset']],
    ['IN_STOCK', true, ['assign', 'pin', 'test', 'reset']],
    ['ENROLLED', true, ['pin', 'test', 'reset']],
    ['REVOKED', true, ['assign', 'pin', 'reset']],
  ] as const)('a %s key (PIN set: %s) offers %j', (status, pinSet, expected) => {
    expect(deviceActions(subject({ status: status as DeviceStatus, pinSet }))).toEqual(expected);
  });

  it('offers nothing while the key is BUSY', () => {
    expect(deviceActions(subject({ flags: { locked: false, busy: true } }))).toEqual([]);
  });

  it('offers only unlock and reset on a LOCKED enterprise key, and only reset on a standard one', () => {
    const locked = { locked: true, busy: false };
    const base = { status: 'ENROLLED' as const, pinSet: true, flags: locked };
    expect(deviceActions(subject({ ...base, keyKind: 'enterprise' }))).toEqual(['reset', 'unlock']);
    expect(deviceActions(subject(base))).toEqual(['reset']);
  });

  it('offers only what the caller’s permissions allow', () => {
    const readOnly = subject({ status: 'CONFIGURED', pinSet: true, permissions: new Set() });
    expect(deviceActions(readOnly)).toEqual([]);
    const helpdesk = new Set(['device:read', 'device:userpin:read', 'device:reset']);
    expect(deviceActions({ ...readOnly, permissions: helpdesk })).toEqual(['pin', 'reset']);
    // An enterprise key's admin PIN is a PIN option of its own.
    const adminPinOnly = new Set(['device:adminpin:read']);
    expect(deviceActions({ ...readOnly, permissions: adminPinOnly })).toEqual([]);
    expect(
      deviceActions({ ...readOnly, keyKind: 'enterprise', permissions: adminPinOnly }),
    ).toEqual(['pin']);
  });
});

describe('refusals', () => {
  function refusalOf(action: Parameters<typeof requireAction>[0], s: ActionSubject) {
    try {
      requireAction(action, s);
    } catch (error) {
      return error as { code: string; message: string; details?: Record<string, unknown> };
    }
    return undefined;
  }

  it('refuses assign on an unconfigured key naming the status and the statuses it needs', () => {
    expect(refusalOf('assign', subject())).toMatchObject({
      code: 'CONFLICT',
      message: 'device KW000001 is NOT CONFIGURED; assign needs CONFIGURED, IN STOCK or REVOKED',
      details: { status: 'NOT_CONFIGURED', allowed: ['CONFIGURED', 'IN_STOCK', 'REVOKED'] },
    });
  });

  it('refuses unlock of a standard key as UNSUPPORTED and of an unlocked key as a CONFLICT', () => {
    expect(refusalOf('unlock', subject({ flags: { locked: true, busy: false } }))?.code).toBe(
      'UNSUPPORTED',
    );
    expect(refusalOf('unlock', subject({ keyKind: 'enterprise' }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('not LOCKED'),
    });
  });

  it('refuses a PIN operation on a LOCKED key as DEVICE_LOCKED', () => {
    const s = subject({ status: 'CONFIGURED', pinSet: true, flags: { locked: true, busy: false } });
    expect(refusalOf('test', s)?.code).toBe('DEVICE_LOCKED');
  });

  it('names the missing permission so the refusal can be audited', () => {
    expect(refusalOf('reset', subject({ permissions: new Set(['device:read']) }))).toMatchObject({
      code: 'FORBIDDEN',
      details: { permission: 'device:reset' },
    });
  });
});
