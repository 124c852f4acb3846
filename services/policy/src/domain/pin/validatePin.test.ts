import { describe, expect, it } from 'vitest';
import { type PinRuleSet, validatePin } from './validatePin.ts';

const digits = {
  minLength: 6,
  characterClasses: ['digits' as const],
  requireEachClass: false,
  forbidSequences: true,
  forbidRepeats: true,
};

function rulesBroken(pin: string, rules: PinRuleSet = digits) {
  const r = validatePin({ pin, rules });
  return r.ok ? [] : r.violations.map((v) => v.rule);
}

describe('validatePin', () => {
  it('accepts a PIN meeting every rule', () => {
    expect(rulesBroken('138527')).toEqual([]);
  });
  it.each([
    ['13852', ['tooShort']],
    ['123859', ['sequence']],
    ['987150', ['sequence']],
    ['111853', ['repeat']],
    ['13a527', ['characterClass']],
    ['1', ['tooShort']],
    ['111111', ['repeat']],
    ['123456', ['sequence']],
  ])('%s breaks %j', (pin, expected) => {
    expect(rulesBroken(pin)).toEqual(expected);
  });
  it('allows two in a row (runs of 3 are what is forbidden)', () => {
    expect(rulesBroken('12 85 11'.replaceAll(' ', ''))).toEqual([]);
  });
  it('does not treat a class boundary as a sequence ("9:;" crosses digits→symbols)', () => {
    const rules = { ...digits, characterClasses: ['digits' as const, 'symbols' as const] };
    expect(rulesBroken('9:;481', rules)).toEqual([]);
  });
  it('detects letter sequences in either case', () => {
    const rules = { ...digits, characterClasses: ['lowercase' as const, 'uppercase' as const] };
    expect(rulesBroken('xAbcQz', rules)).toEqual(['sequence']);
    expect(rulesBroken('xZYXqw', rules)).toEqual(['sequence']);
  });
  it('permits sequences and repeats when the policy does', () => {
    expect(rulesBroken('123456', { ...digits, forbidSequences: false })).toEqual([]);
    expect(rulesBroken('111222', { ...digits, forbidRepeats: false })).toEqual([]);
  });
  it('requires each class when asked', () => {
    const rules = {
      ...digits,
      characterClasses: ['digits' as const, 'uppercase' as const],
      requireEachClass: true,
    };
    expect(rulesBroken('138527', rules)).toEqual(['missingClass']);
    expect(rulesBroken('13B527', rules)).toEqual([]);
  });
  it('rejects PINs over 63 bytes (CTAP 2.1 limit)', () => {
    const long = '1357924680'.repeat(7);
    expect(rulesBroken(long, { ...digits, forbidSequences: false })).toEqual(['tooLong']);
  });
  it('never puts the PIN into a violation message', () => {
    const pin = '111222';
    const r = validatePin({
      pin,
      rules: { ...digits, minLength: 8, characterClasses: ['lowercase'], requireEachClass: true },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const v of r.violations) expect(v.message).not.toContain(pin);
  });
});
