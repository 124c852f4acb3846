import { describe, expect, it } from 'vitest';
import type { CharacterClass } from '../policy/policySchema.ts';
import { generatePin } from './generatePin.ts';
import { validatePin } from './validatePin.ts';

const classSets: CharacterClass[][] = [
  ['digits'],
  ['lowercase'],
  ['digits', 'uppercase'],
  ['digits', 'lowercase', 'uppercase', 'symbols'],
];

describe('generatePin', () => {
  for (const characterClasses of classSets) {
    for (const requireEachClass of [false, true]) {
      it(`always satisfies the rules: ${characterClasses.join('+')}, requireEachClass=${requireEachClass}`, () => {
        const rules = {
          minLength: 4,
          characterClasses,
          requireEachClass,
          forbidSequences: true,
          forbidRepeats: true,
        };
        for (let i = 0; i < 400; i++) {
          const length = 4 + (i % 60);
          const pin = generatePin({ rules, length });
          expect([...pin]).toHaveLength(length);
          expect(validatePin({ pin, rules })).toEqual({ ok: true });
        }
      });
    }
  }

  it('uses every allowed digit and produces distinct PINs (not a constant)', () => {
    const rules = {
      minLength: 6,
      characterClasses: ['digits' as const],
      requireEachClass: false,
      forbidSequences: true,
      forbidRepeats: true,
    };
    const pins = new Set<string>();
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const pin = generatePin({ rules, length: 6 });
      pins.add(pin);
      for (const ch of pin) seen.add(ch);
    }
    expect(pins.size).toBeGreaterThan(490);
    expect(seen.size).toBe(10);
  });

  it('draws from the injected random source', () => {
    let n = 0;
    const sequence = [1, 3, 5, 7, 9, 0];
    const pin = generatePin({
      rules: {
        minLength: 6,
        characterClasses: ['digits'],
        requireEachClass: false,
        forbidSequences: true,
        forbidRepeats: true,
      },
      length: 6,
      random: () => sequence[n++ % sequence.length]!,
    });
    expect(pin).toBe('135790');
  });

  it('gives up with a typed error when the random source only yields invalid PINs', () => {
    expect(() =>
      generatePin({
        rules: {
          minLength: 4,
          characterClasses: ['digits'],
          requireEachClass: false,
          forbidSequences: true,
          forbidRepeats: true,
        },
        length: 4,
        random: () => 0,
        maxAttempts: 5,
      }),
    ).toThrow(expect.objectContaining({ code: 'POLICY_VIOLATION', name: 'PinGenerationError' }));
  });

  it('refuses a length below the minimum as a caller bug', () => {
    expect(() =>
      generatePin({
        rules: {
          minLength: 8,
          characterClasses: ['digits'],
          requireEachClass: false,
          forbidSequences: true,
          forbidRepeats: true,
        },
        length: 6,
      }),
    ).toThrow(TypeError);
  });
});
