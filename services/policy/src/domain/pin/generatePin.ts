import { randomInt } from 'node:crypto';
import { PinGenerationError } from '../errors.ts';
import { alphabetFor, type PinRuleSet, validatePin } from './validatePin.ts';

export interface GeneratePinOptions {
  rules: PinRuleSet;
  length: number;
  /** Uniform integer in [0, max). Default node:crypto randomInt (CSPRNG). Injected by tests. */
  random?: (max: number) => number;
  /** Attempts before giving up. Default 10 000 (acceptance is > 10% for every valid policy). */
  maxAttempts?: number;
}

/**
 * Generate a PIN satisfying the rules: draw each character uniformly from the allowed alphabet
 * and reject candidates that break a rule. Rejection sampling keeps the result uniform over all
 * valid PINs of that length (no bias toward "safe" characters).
 */
export function generatePin({
  rules,
  length,
  random = randomInt,
  maxAttempts = 10_000,
}: GeneratePinOptions): string {
  if (!Number.isInteger(length) || length < rules.minLength) {
    throw new TypeError(`length was ${length}, expected an integer ≥ minLength ${rules.minLength}`);
  }
  const alphabet = alphabetFor(rules);
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    let pin = '';
    for (let i = 0; i < length; i++) pin += alphabet[random(alphabet.length)];
    if (validatePin({ pin, rules }).ok) return pin;
  }
  throw new PinGenerationError(
    `no PIN of length ${length} satisfying the rules found in ${maxAttempts} attempts`,
  );
}
