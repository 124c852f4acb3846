import { KeywardError } from '@keyward/contracts';
import { describe, expect, it } from 'vitest';
import { adminPinState } from './deviceFacts.ts';
import { pinAccess, pinReadWhich } from './pinAccess.ts';

const perms = (...p: string[]) => new Set(p);

describe('initial PIN permission table', () => {
  it.each([
    ['standard', ['device:userpin:read'], ['user']],
    ['standard', ['device:userpin:read', 'device:adminpin:read'], ['user']],
    ['enterprise', ['device:userpin:read'], ['user']],
    ['enterprise', ['device:adminpin:read'], ['admin']],
    ['enterprise', ['device:userpin:read', 'device:adminpin:read'], ['user', 'admin']],
  ] as const)('%s key with %j shows %j', (keyKind, p, expected) => {
    expect(pinAccess({ keyKind, permissions: perms(...p) })).toEqual(expected);
  });

  it.each([
    ['standard', []],
    ['standard', ['device:adminpin:read']],
    ['enterprise', ['device:read']],
  ] as const)('%s key with %j is FORBIDDEN', (keyKind, p) => {
    let caught: unknown;
    try {
      pinAccess({ keyKind, permissions: perms(...p) });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(KeywardError);
    expect((caught as KeywardError).code).toBe('FORBIDDEN');
  });

  it('maps granted kinds to the vault request', () => {
    expect(pinReadWhich(['user'])).toBe('user');
    expect(pinReadWhich(['admin'])).toBe('admin');
    expect(pinReadWhich(['user', 'admin'])).toBe('both');
  });
});

describe('admin PIN state for the plan', () => {
  it('is absent on standard keys, not-set or set on managed keys', () => {
    expect(adminPinState({})).toBe('absent');
    expect(adminPinState({ adminPin: { set: false } })).toBe('not-set');
    expect(adminPinState({ adminPin: { set: true, retries: 8 } })).toBe('set');
  });
});
