import type { CharacterClass } from '../policy/policySchema.ts';

/**
 * Characters per class. ASCII only, so a PIN's byte length equals its length (CTAP 2.1 §6.5.1
 * limits PINs to 63 bytes). Symbols exclude space and quote characters, which are easy to mistype
 * or mangle when a PIN is displayed or copied.
 */
export const ALPHABETS = {
  digits: '0123456789',
  lowercase: 'abcdefghijklmnopqrstuvwxyz',
  uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  symbols: '!#$%&()*+,-./:;<=>?@[]^_{|}~',
} as const satisfies Record<CharacterClass, string>;

/** Length of the run that `forbidSequences` / `forbidRepeats` reject ("123", "111"). */
export const FORBIDDEN_RUN = 3;

export function classOf(ch: string): CharacterClass | undefined {
  for (const [cls, chars] of Object.entries(ALPHABETS)) {
    if (chars.includes(ch)) return cls as CharacterClass;
  }
  return undefined;
}
