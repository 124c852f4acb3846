import { KeywardError } from '@keyward/contracts';
import { generatePin } from '../domain/pin/generatePin.ts';
import { type PinRuleSet, validatePin } from '../domain/pin/validatePin.ts';
import type { Policy } from '../domain/policy/policySchema.ts';

/**
 * Rules for generated admin PINs: letters and digits, no runs. Admin PINs are read by machines
 * and administrators, never typed by end users, so they are long rather than memorable.
 */
export const ADMIN_PIN_RULES: PinRuleSet = {
  minLength: 8,
  characterClasses: ['digits', 'uppercase', 'lowercase'],
  requireEachClass: true,
  forbidSequences: true,
  forbidRepeats: true,
};

/**
 * The user PIN for a setPin step: the administrator's choice (checked against the policy and
 * against the key's own minPINLength, which may be stricter) or a generated one.
 */
export function userPinFor(
  policy: Policy,
  { length, keyMinLength }: { length: number; keyMinLength: number },
  chosen: string | undefined,
): string {
  if (policy.pin.initialPin === 'random') return generatePin({ rules: policy.pin, length });
  if (chosen === undefined) {
    throw new KeywardError(
      'VALIDATION_FAILED',
      `chosenUserPin: required, policy ${policy.id} v${policy.version} has initialPin "admin-chosen"`,
      { details: { field: 'chosenUserPin' } },
    );
  }
  assertPinAllowed(policy, chosen, keyMinLength);
  return chosen;
}

/** POLICY_VIOLATION listing the broken rules (never the PIN) when `pin` breaks the policy. */
export function assertPinAllowed(policy: Policy, pin: string, keyMinLength = 0): void {
  const minLength = Math.max(policy.pin.minLength, keyMinLength);
  const check = validatePin({ pin, rules: { ...policy.pin, minLength } });
  if (check.ok) return;
  throw new KeywardError(
    'POLICY_VIOLATION',
    `PIN breaks policy ${policy.id} v${policy.version}: ${check.violations.map((v) => v.message).join('; ')}`,
    { details: { rules: check.violations.map((v) => v.rule) } },
  );
}

export function adminPinFor(policy: Policy): string {
  return generatePin({ rules: ADMIN_PIN_RULES, length: policy.adminPin.length });
}
