import { PIN_LIMITS, type PinRules } from '../policy/policySchema.ts';
import { ALPHABETS, classOf, FORBIDDEN_RUN } from './alphabet.ts';

/** A broken PIN rule. Messages describe the rule, never the PIN. */
export type PinViolation =
  | { rule: 'tooShort'; message: string }
  | { rule: 'tooLong'; message: string }
  | { rule: 'characterClass'; message: string }
  | { rule: 'missingClass'; message: string }
  | { rule: 'sequence'; message: string }
  | { rule: 'repeat'; message: string };

export type ValidatePinResult = { ok: true } | { ok: false; violations: PinViolation[] };

export type PinRuleSet = Pick<
  PinRules,
  'minLength' | 'characterClasses' | 'requireEachClass' | 'forbidSequences' | 'forbidRepeats'
>;

export interface ValidatePinOptions {
  pin: string;
  rules: PinRuleSet;
}

/** Letters compare case-insensitively ("aBc", "xXx" are runs); digits and symbols as they are. */
function fold(ch: string): { group: string | undefined; cp: number } {
  const cls = classOf(ch);
  const letter = cls === 'lowercase' || cls === 'uppercase';
  return { group: letter ? 'letter' : cls, cp: (letter ? ch.toLowerCase() : ch).codePointAt(0)! };
}

/** A run of FORBIDDEN_RUN characters each `step` apart; runs never cross a class boundary. */
function hasRun(pin: string, step: number): boolean {
  const cps = [...pin].map(fold);
  let run = 1;
  for (let i = 1; i < cps.length; i++) {
    const prev = cps[i - 1]!;
    const cur = cps[i]!;
    const sameGroup = prev.group !== undefined && prev.group === cur.group;
    run = sameGroup && cur.cp - prev.cp === step ? run + 1 : 1;
    if (run >= FORBIDDEN_RUN) return true;
  }
  return false;
}

/** Check a PIN (administrator-chosen or generated) against a policy's PIN rules. */
export function validatePin({ pin, rules }: ValidatePinOptions): ValidatePinResult {
  const violations: PinViolation[] = [];
  const length = [...pin].length;
  const bytes = Buffer.byteLength(pin, 'utf8');
  if (length < rules.minLength) {
    violations.push({
      rule: 'tooShort',
      message: `PIN has ${length} characters, expected at least ${rules.minLength}`,
    });
  }
  if (bytes > PIN_LIMITS.max) {
    violations.push({
      rule: 'tooLong',
      message: `PIN is ${bytes} bytes, expected at most ${PIN_LIMITS.max} (CTAP 2.1)`,
    });
  }
  const allowed = new Set(rules.characterClasses);
  const used = new Set<string>();
  let outside = 0;
  for (const ch of pin) {
    const cls = classOf(ch);
    if (cls === undefined || !allowed.has(cls)) outside++;
    else used.add(cls);
  }
  if (outside > 0) {
    violations.push({
      rule: 'characterClass',
      message: `PIN has ${outside} character(s) outside the allowed classes (${rules.characterClasses.join(', ')})`,
    });
  }
  if (rules.requireEachClass) {
    const missing = rules.characterClasses.filter((c) => !used.has(c));
    if (missing.length > 0) {
      violations.push({
        rule: 'missingClass',
        message: `PIN lacks required character classes: ${missing.join(', ')}`,
      });
    }
  }
  if (rules.forbidSequences && (hasRun(pin, 1) || hasRun(pin, -1))) {
    violations.push({
      rule: 'sequence',
      message: `PIN contains ${FORBIDDEN_RUN} or more ascending or descending characters in a row`,
    });
  }
  if (rules.forbidRepeats && hasRun(pin, 0)) {
    violations.push({
      rule: 'repeat',
      message: `PIN contains ${FORBIDDEN_RUN} or more identical characters in a row`,
    });
  }
  return violations.length > 0 ? { ok: false, violations } : { ok: true };
}

/** All characters the rules allow, in a fixed order. */
export function alphabetFor(rules: Pick<PinRules, 'characterClasses'>): string {
  return [...new Set(rules.characterClasses)].map((c) => ALPHABETS[c]).join('');
}
