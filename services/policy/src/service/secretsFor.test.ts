import { describe, expect, it } from 'vitest';
import { validatePin } from '../domain/pin/validatePin.ts';
import { Policy } from '../domain/policy/policySchema.ts';
import { ADMIN_PIN_RULES, adminPinFor, assertPinAllowed, userPinFor } from './secretsFor.ts';

const policy = (pin: Record<string, unknown>, adminPin = {}) =>
  Policy.parse({
    id: 'p1',
    version: 3,
    name: 'P',
    pin: { minLength: 6, ...pin },
    adminPin,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    updatedBy: 'user:a',
  });

describe('secretsFor', () => {
  it('generates a random user PIN of the planned length, ignoring a chosen one', () => {
    const pin = userPinFor(policy({}), { length: 9, keyMinLength: 4 }, '999999');
    expect(pin).toMatch(/^\d{9}$/);
    expect(pin).not.toBe('999999');
  });
  it('requires and checks an administrator-chosen PIN, also against a stricter key', () => {
    const p = policy({ initialPin: 'admin-chosen' });
    expect(() => userPinFor(p, { length: 8, keyMinLength: 4 }, undefined)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('chosenUserPin'),
      }),
    );
    expect(userPinFor(p, { length: 8, keyMinLength: 4 }, '480261')).toBe('480261');
    expect(() => userPinFor(p, { length: 8, keyMinLength: 8 }, '480261')).toThrow(
      expect.objectContaining({ code: 'POLICY_VIOLATION', details: { rules: ['tooShort'] } }),
    );
  });
  it('names broken rules, the policy and its version, never the PIN', () => {
    try {
      assertPinAllowed(policy({}), '111222');
      throw new Error('expected a throw');
    } catch (e) {
      expect((e as Error).message).toMatch(/^PIN breaks policy p1 v3: /);
      expect((e as Error).message).not.toContain('111222');
    }
  });
  it('generates admin PINs with letters and digits of the configured length', () => {
    for (let i = 0; i < 100; i++) {
      const pin = adminPinFor(policy({}, { enabled: true, length: 14 }));
      expect(pin).toHaveLength(14);
      expect(validatePin({ pin, rules: ADMIN_PIN_RULES })).toEqual({ ok: true });
    }
  });
});
