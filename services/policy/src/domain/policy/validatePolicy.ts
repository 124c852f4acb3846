import type { MdsIndex } from '../mds/mdsIndex.ts';
import { PolicyInput } from './policySchema.ts';

/** One problem with a policy: where (dot path) and what, in words an administrator can act on. */
export interface PolicyIssue {
  path: string;
  message: string;
}

export type ValidatePolicyResult =
  | { ok: true; policy: PolicyInput }
  | { ok: false; issues: PolicyIssue[] };

export interface ValidatePolicyOptions {
  /** Raw input (parsed with the PolicyInput schema first). */
  input: unknown;
  /** When given, AAGUID-dependent rules (enterprise attestation support) are checked against it. */
  mds?: MdsIndex;
}

function zodIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): PolicyIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Parse a policy and reject contradictions: combinations each valid alone that no key could
 * satisfy, or that would lock the user out.
 */
export function validatePolicy({ input, mds }: ValidatePolicyOptions): ValidatePolicyResult {
  const parsed = PolicyInput.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const policy = parsed.data;
  const issues: PolicyIssue[] = [];
  const { pin, key, authenticators, adminPin } = policy;

  if (pin.generatedLength < pin.minLength) {
    issues.push({
      path: 'pin.generatedLength',
      message: `was ${pin.generatedLength}, expected at least pin.minLength (${pin.minLength})`,
    });
  }
  if (key.minPinLength !== undefined && key.minPinLength > pin.minLength) {
    issues.push({
      path: 'key.minPinLength',
      message: `was ${key.minPinLength}, but pin.minLength is ${pin.minLength}: the key would refuse PINs the policy allows; raise pin.minLength or lower key.minPinLength`,
    });
  }
  if (key.minPinLengthRpIds.length > 0 && key.minPinLength === undefined) {
    issues.push({
      path: 'key.minPinLengthRpIds',
      message: 'RP IDs are set with setMinPINLength, which needs key.minPinLength',
    });
  }
  const classes = new Set(pin.characterClasses);
  if (classes.size !== pin.characterClasses.length) {
    issues.push({ path: 'pin.characterClasses', message: 'lists a character class twice' });
  }
  if (pin.requireEachClass && classes.size > pin.minLength) {
    issues.push({
      path: 'pin.requireEachClass',
      message: `requires ${classes.size} character classes, more than pin.minLength (${pin.minLength})`,
    });
  }
  if (pin.changeAtIssuance && pin.delivery === 'not-displayed' && pin.initialPin === 'random') {
    issues.push({
      path: 'pin.changeAtIssuance',
      message:
        'the user must change a PIN nobody is shown (pin.delivery is "not-displayed" and pin.initialPin is "random")',
    });
  }
  const blocked = new Set(authenticators.blockedAaguids.map((a) => a.toLowerCase()));
  for (const [i, aaguid] of authenticators.allowedAaguids.entries()) {
    if (blocked.has(aaguid.toLowerCase())) {
      issues.push({
        path: `authenticators.allowedAaguids.${i}`,
        message: `AAGUID ${aaguid} is both allowed and blocked`,
      });
    }
  }
  if (adminPin.enabled && adminPin.length < pin.minLength) {
    issues.push({
      path: 'adminPin.length',
      message: `was ${adminPin.length}, expected at least pin.minLength (${pin.minLength})`,
    });
  }
  if (key.enterpriseAttestation && mds && authenticators.allowedAaguids.length > 0) {
    const verdicts = authenticators.allowedAaguids.map((a) => mds.verdict(a));
    const noneSupport = verdicts.every(
      (v) => v.known && v.enterpriseAttestationSupported === false,
    );
    if (noneSupport) {
      issues.push({
        path: 'key.enterpriseAttestation',
        message: `is on, but none of the allowed AAGUIDs supports enterprise attestation according to the metadata (${authenticators.allowedAaguids.join(', ')})`,
      });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, policy };
}
