import { type PinRuleSet, validatePin } from '../domain/pin/validatePin.ts';
import type { PolicyServiceDeps } from './deps.ts';
import { governingPolicy } from './pins.ts';

export interface CheckPinOptions {
  serial: string;
  pin: string;
  policyId?: string;
  /** The key's own minimum PIN length, when stricter than the policy's. */
  minPinLength?: number;
}

export interface CheckPinResult {
  ok: boolean;
  /** Each broken rule, described without the PIN. */
  problems: { code: string; message: string }[];
  /** The policy whose rules applied; null when none governs the key (only its length counts). */
  policy: { id: string; version: number; name: string } | null;
}

/** Without a governing policy, a chosen PIN is held only to the key's minimum (CTAP: 4). */
const KEY_ONLY_RULES: Omit<PinRuleSet, 'minLength'> = {
  characterClasses: ['digits', 'lowercase', 'uppercase', 'symbols'],
  requireEachClass: false,
  forbidSequences: false,
  forbidRepeats: false,
};

/**
 * keyward.policy.pin.check: would a chosen user PIN be accepted for this key (the same rules
 * keyward.policy.pin.store applies to it)? The answer names the broken rules, never the PIN, and
 * nothing is stored or published: it is asked as an administrator types.
 */
export async function checkPin(
  deps: PolicyServiceDeps,
  options: CheckPinOptions,
): Promise<CheckPinResult> {
  const { serial, pin, minPinLength = 0 } = options;
  const policy = await governingPolicy(deps, serial, options.policyId);
  const rules: PinRuleSet = policy
    ? { ...policy.pin, minLength: Math.max(policy.pin.minLength, minPinLength) }
    : { ...KEY_ONLY_RULES, minLength: Math.max(4, minPinLength) };
  const result = validatePin({ pin, rules });
  return {
    ok: result.ok,
    problems: result.ok ? [] : result.violations.map((v) => ({ code: v.rule, message: v.message })),
    policy: policy ? { id: policy.id, version: policy.version, name: policy.name } : null,
  };
}
