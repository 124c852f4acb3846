import type { MdsIndex } from '../mds/mdsIndex.ts';
import { CERTIFICATION_LEVELS, type Policy, type PolicyInput } from '../policy/policySchema.ts';
import {
  type AdminPinState,
  type ConfigStep,
  DEFAULT_MIN_PIN_LENGTH,
  type InfoSummary,
  type Unsupported,
} from './deviceInfo.ts';

export interface PlanDevice {
  serial: string;
  aaguid: string;
  info: InfoSummary;
  /** Vendor admin PIN state; absent = the key has none. */
  adminPinState?: AdminPinState;
}

export interface PlanConfigurationOptions {
  policy: PolicyInput | Policy;
  device: PlanDevice;
  /** Verified MDS index; absent when no BLOB is configured. */
  mds?: MdsIndex;
}

export interface ConfigurationPlan {
  /** False when the key must not be configured at all (AAGUID rules, MDS status, no PIN). */
  allowed: boolean;
  reasons: string[];
  /** Ordered; steps the key already satisfies are left out, so re-planning converges to []. */
  steps: ConfigStep[];
  unsupported: Unsupported[];
  /** Length the user PIN must be generated with (policy length, raised to the key's minimum). */
  userPinLength: number;
}

/**
 * Step order, and why:
 * 1. setPin first: authenticatorConfig needs a pinUvAuthToken once a PIN exists, and a key
 *    without a PIN cannot have alwaysUv usefully on.
 * 2. setAdminPin (vendor) right after, while the session holds fresh credentials.
 * 3. setMinPinLength, enableEnterpriseAttestation, setAlwaysUv (authenticatorConfig, §6.11).
 * 4. forcePinChange last: once set, getPinToken fails with PIN_POLICY_VIOLATION (§6.5.5.7), so
 *    no later step could authenticate.
 */
const ORDER: Record<ConfigStep['op'], number> = {
  setPin: 0,
  changePin: 1,
  setAdminPin: 2,
  setMinPinLength: 3,
  enableEnterpriseAttestation: 4,
  setAlwaysUv: 5,
  forcePinChange: 6,
};

function checkAdmission(
  policy: PolicyInput,
  device: PlanDevice,
  mds: MdsIndex | undefined,
): string[] {
  const reasons: string[] = [];
  const aaguid = device.aaguid.toLowerCase();
  const { requiredCertification, requireMetadata } = policy.authenticators;
  const allowedAaguids = policy.authenticators.allowedAaguids.map((a) => a.toLowerCase());
  const blockedAaguids = policy.authenticators.blockedAaguids.map((a) => a.toLowerCase());
  if (blockedAaguids.includes(aaguid)) reasons.push(`AAGUID ${aaguid} is blocked by the policy`);
  if (allowedAaguids.length > 0 && !allowedAaguids.includes(aaguid)) {
    reasons.push(`AAGUID ${aaguid} is not in the policy's allowed AAGUIDs`);
  }
  const verdict = mds?.verdict(aaguid);
  if (verdict?.known && verdict.blockedBy) {
    reasons.push(`metadata status ${verdict.blockedBy} for AAGUID ${aaguid}`);
  }
  if ((requireMetadata || requiredCertification) && !verdict?.known) {
    reasons.push(
      mds
        ? `AAGUID ${aaguid} is not in the FIDO metadata and the policy requires metadata`
        : 'the policy requires FIDO metadata but no valid MDS BLOB is loaded',
    );
  }
  if (requiredCertification && verdict?.known) {
    const have = verdict.certificationLevel;
    const rank = (l: string | undefined) =>
      l === undefined
        ? -1
        : CERTIFICATION_LEVELS.indexOf(l as (typeof CERTIFICATION_LEVELS)[number]);
    if (rank(have) < rank(requiredCertification)) {
      reasons.push(
        `certification level is ${have ?? 'none'}, the policy requires ${requiredCertification}`,
      );
    }
  }
  if (device.info.options.clientPin === undefined) {
    reasons.push(
      'the key has no clientPin support (options.clientPin absent); every policy sets a PIN',
    );
  }
  return reasons;
}

/** Plan how to bring one key to a policy. Pure; see ORDER for the step order. */
export function planConfiguration({
  policy,
  device,
  mds,
}: PlanConfigurationOptions): ConfigurationPlan {
  const { info } = device;
  const opt = info.options;
  const keyMin = info.minPinLength ?? DEFAULT_MIN_PIN_LENGTH;
  const userPinLength = Math.max(policy.pin.generatedLength, keyMin);
  const reasons = checkAdmission(policy, device, mds);
  if (reasons.length > 0)
    return { allowed: false, reasons, steps: [], unsupported: [], userPinLength };

  const steps: ConfigStep[] = [];
  const unsupported: Unsupported[] = [];
  const config = opt.authnrCfg === true;
  const noConfig = 'the key has no authenticatorConfig (options.authnrCfg absent; CTAP 2.0 key)';
  const issuing = opt.clientPin === false;

  // 1. PIN: set only when none is set; an existing PIN is the user's and stays.
  if (issuing) steps.push({ op: 'setPin' });

  // 2. Vendor admin PIN (enterprise keys).
  if (policy.adminPin.enabled) {
    const state = device.adminPinState ?? 'absent';
    if (state === 'not-set') steps.push({ op: 'setAdminPin' });
    else if (state === 'absent') {
      unsupported.push({ op: 'setAdminPin', reason: 'the key has no vendor admin PIN' });
    }
  }

  // 3. Minimum PIN length (CTAP 2.1 §6.11.4). RP IDs are not visible in getInfo, so they are
  //    sent whenever the length is (re)set, and on a key we are issuing a PIN to.
  const target = policy.key.minPinLength;
  if (target !== undefined) {
    const rpIds = policy.key.minPinLengthRpIds;
    const needed = keyMin < target || (issuing && rpIds.length > 0);
    if (needed && !config) unsupported.push({ op: 'setMinPinLength', reason: noConfig });
    else if (needed && opt.setMinPINLength !== true) {
      unsupported.push({
        op: 'setMinPinLength',
        reason: 'the key does not support setMinPINLength (options.setMinPINLength absent)',
      });
    } else if (needed) {
      steps.push({
        op: 'setMinPinLength',
        minPinLength: Math.max(target, keyMin),
        ...(rpIds.length > 0 ? { rpIds } : {}),
      });
    }
  }

  // 4. Enterprise attestation: can be enabled by config, only disabled by reset.
  if (policy.key.enterpriseAttestation && opt.ep !== true) {
    if (opt.ep === undefined) {
      unsupported.push({
        op: 'enableEnterpriseAttestation',
        reason: 'the key has no enterprise attestation (options.ep absent)',
      });
    } else if (!config) unsupported.push({ op: 'enableEnterpriseAttestation', reason: noConfig });
    else steps.push({ op: 'enableEnterpriseAttestation' });
  } else if (!policy.key.enterpriseAttestation && opt.ep === true) {
    unsupported.push({
      op: 'disableEnterpriseAttestation',
      reason: 'enterprise attestation is on and CTAP 2.1 can only turn it off by resetting the key',
    });
  }

  // 5. alwaysUv (toggleAlwaysUv, §6.11.2): "present ⇒ supported; value = current state".
  const wantUv = policy.key.alwaysUv;
  if (wantUv !== undefined && (opt.alwaysUv ?? false) !== wantUv) {
    if (opt.alwaysUv === undefined) {
      unsupported.push({
        op: 'setAlwaysUv',
        reason: 'the key has no alwaysUv (options.alwaysUv absent)',
      });
    } else if (!config) unsupported.push({ op: 'setAlwaysUv', reason: noConfig });
    else steps.push({ op: 'setAlwaysUv', enabled: wantUv });
  }

  // 6. forcePINChange at issuance only: re-planning an issued key must not force a user who
  //    already changed the PIN to change it again.
  if (policy.pin.changeAtIssuance && issuing && info.forcePinChange !== true) {
    if (!config || opt.setMinPINLength !== true) {
      unsupported.push({
        op: 'forcePinChange',
        reason: config
          ? 'forcePINChange is set through setMinPINLength, which the key does not support'
          : noConfig,
      });
    } else steps.push({ op: 'forcePinChange' });
  }

  // Enrollment-time requirements the key cannot meet (no step, but the admin must know now).
  if (policy.key.credProtect !== undefined && !info.extensions.includes('credProtect')) {
    unsupported.push({
      op: 'credProtect',
      reason: 'the key does not support the credProtect extension',
    });
  }
  if (policy.key.residentKey === 'required') {
    if (opt.rk !== true) {
      unsupported.push({
        op: 'residentKey',
        reason: 'the key has no discoverable credentials (options.rk)',
      });
    } else if (opt.credMgmt !== true && opt.credentialMgmtPreview !== true) {
      unsupported.push({
        op: 'credentialManagement',
        reason:
          'the key has no credential management (options.credMgmt absent): revoking cannot delete its discoverable credential',
      });
    }
  }

  steps.sort((a, b) => ORDER[a.op] - ORDER[b.op]);
  return { allowed: true, reasons: [], steps, unsupported, userPinLength };
}
