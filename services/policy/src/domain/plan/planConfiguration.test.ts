import { describe, expect, it } from 'vitest';
import {
  applied,
  SIM_AAGUIDS,
  SIM_ADMIN_PIN,
  SIM_INFO,
  type SimProfile,
} from '../../../test/fixtures/simProfiles.ts';
import { buildMdsIndex } from '../mds/mdsIndex.ts';
import { testPolicy } from '../policy/testPolicy.ts';
import { planConfiguration } from './planConfiguration.ts';

const PROFILES = Object.keys(SIM_INFO) as SimProfile[];

function device(profile: SimProfile, patch: Partial<(typeof SIM_INFO)[SimProfile]> = {}) {
  return {
    serial: `SN-${profile}`,
    aaguid: SIM_AAGUIDS[profile],
    info: { ...structuredClone(SIM_INFO[profile]), ...patch },
    adminPinState: SIM_ADMIN_PIN[profile],
  };
}

/** Everything a CTAP 2.1 key can be asked to do. */
const full = testPolicy({
  pin: { minLength: 6, generatedLength: 8, changeAtIssuance: true, delivery: 'displayed' },
  key: {
    minPinLength: 6,
    minPinLengthRpIds: ['login.example.com'],
    alwaysUv: true,
    enterpriseAttestation: true,
    credProtect: 2,
    residentKey: 'required',
  },
  adminPin: { enabled: true },
});

describe('planConfiguration — simulator profiles with the full policy', () => {
  it('generic CTAP 2.1: config steps in order; no admin PIN, no enterprise attestation', () => {
    const plan = planConfiguration({ policy: full, device: device('generic') });
    expect(plan.allowed).toBe(true);
    expect(plan.steps).toEqual([
      { op: 'setPin' },
      { op: 'setMinPinLength', minPinLength: 6, rpIds: ['login.example.com'] },
      { op: 'setAlwaysUv', enabled: true },
      { op: 'forcePinChange' },
    ]);
    expect(plan.unsupported).toEqual([
      { op: 'setAdminPin', reason: 'the key has no vendor admin PIN' },
      {
        op: 'enableEnterpriseAttestation',
        reason: 'the key has no enterprise attestation (options.ep absent)',
      },
    ]);
  });

  it('enterprise: every step, admin PIN right after the user PIN', () => {
    const plan = planConfiguration({ policy: full, device: device('enterprise') });
    expect(plan.steps.map((s) => s.op)).toEqual([
      'setPin',
      'setAdminPin',
      'setMinPinLength',
      'enableEnterpriseAttestation',
      'setAlwaysUv',
      'forcePinChange',
    ]);
    expect(plan.unsupported).toEqual([]);
  });

  it('CTAP 2.0: only the PIN; every authenticatorConfig step unsupported with why', () => {
    const plan = planConfiguration({ policy: full, device: device('ctap20') });
    expect(plan.allowed).toBe(true);
    expect(plan.steps).toEqual([{ op: 'setPin' }]);
    const byOp = Object.fromEntries(plan.unsupported.map((u) => [u.op, u.reason]));
    expect(Object.keys(byOp).sort()).toEqual([
      'credProtect',
      'credentialManagement',
      'enableEnterpriseAttestation',
      'forcePinChange',
      'setAdminPin',
      'setAlwaysUv',
      'setMinPinLength',
    ]);
    expect(byOp.setMinPinLength).toMatch(/authnrCfg absent/);
    expect(byOp.enableEnterpriseAttestation).toMatch(/options\.ep absent/);
    expect(byOp.setAlwaysUv).toMatch(/options\.alwaysUv absent/);
    expect(byOp.credentialManagement).toMatch(/credMgmt absent/);
  });

  it('NFC-only: same steps as a USB CTAP 2.1 key (transport does not change the plan)', () => {
    const nfc = planConfiguration({ policy: full, device: device('nfc-only') });
    const usb = planConfiguration({ policy: full, device: device('generic') });
    expect(nfc.steps).toEqual(usb.steps);
  });

  it.each(PROFILES)(
    '%s: applying the plan and re-planning yields no steps (idempotent)',
    (profile) => {
      const d = device(profile);
      const first = planConfiguration({ policy: full, device: d });
      const second = planConfiguration({
        policy: full,
        device: { ...d, ...applied(d, first.steps) },
      });
      expect(second.steps).toEqual([]);
      const before = first.unsupported.map((u) => u.op);
      for (const u of second.unsupported) expect(before).toContain(u.op);
    },
  );
});

describe('planConfiguration — step rules', () => {
  const minimal = testPolicy();

  it('a minimal policy only sets the PIN', () => {
    for (const profile of PROFILES) {
      expect(planConfiguration({ policy: minimal, device: device(profile) }).steps).toEqual([
        { op: 'setPin' },
      ]);
    }
  });

  it('keeps an existing PIN and does not force a second change after issuance', () => {
    const d = device('generic', { options: { ...SIM_INFO.generic.options, clientPin: true } });
    expect(planConfiguration({ policy: full, device: d }).steps.map((s) => s.op)).toEqual([
      'setMinPinLength',
      'setAlwaysUv',
    ]);
  });

  it('omits forcePinChange when the key already has it set', () => {
    const plan = planConfiguration({
      policy: full,
      device: device('generic', { forcePinChange: true }),
    });
    expect(plan.steps.map((s) => s.op)).not.toContain('forcePinChange');
  });

  it('never lowers the key minimum PIN length (CTAP forbids it) and raises the PIN length to it', () => {
    const policy = testPolicy({ key: { minPinLength: 6 } });
    const plan = planConfiguration({ policy, device: device('generic', { minPinLength: 10 }) });
    expect(plan.steps).toEqual([{ op: 'setPin' }]);
    expect(plan.userPinLength).toBe(10);
  });

  it('sends RP IDs with a new minimum even when the length is already met, only at issuance', () => {
    const policy = testPolicy({ key: { minPinLength: 4, minPinLengthRpIds: ['rp.example'] } });
    const plan = planConfiguration({ policy, device: device('generic') });
    expect(plan.steps).toContainEqual({
      op: 'setMinPinLength',
      minPinLength: 4,
      rpIds: ['rp.example'],
    });
  });

  it('turns alwaysUv off when the policy says so and it is on', () => {
    const policy = testPolicy({ key: { alwaysUv: false } });
    const plan = planConfiguration({
      policy,
      device: device('generic', { options: { ...SIM_INFO.generic.options, alwaysUv: true } }),
    });
    expect(plan.steps).toContainEqual({ op: 'setAlwaysUv', enabled: false });
  });

  it('leaves alwaysUv alone when the policy does not mention it', () => {
    const plan = planConfiguration({
      policy: minimal,
      device: device('generic', { options: { ...SIM_INFO.generic.options, alwaysUv: true } }),
    });
    expect(plan.steps).toEqual([{ op: 'setPin' }]);
  });

  it('a policy without alwaysUv is satisfied by a key that has none', () => {
    const policy = testPolicy({ key: { alwaysUv: false } });
    expect(planConfiguration({ policy, device: device('ctap20') }).unsupported).toEqual([]);
  });

  it('reports enterprise attestation that only a reset can turn off', () => {
    const plan = planConfiguration({
      policy: minimal,
      device: device('generic', { options: { ...SIM_INFO.generic.options, ep: true } }),
    });
    expect(plan.unsupported).toEqual([
      {
        op: 'disableEnterpriseAttestation',
        reason: expect.stringMatching(/only turn it off by resetting/),
      },
    ]);
  });

  it('reports forcePinChange unsupported on a CTAP 2.1 key without setMinPINLength', () => {
    const { setMinPINLength: _, ...options } = SIM_INFO.generic.options;
    const plan = planConfiguration({ policy: full, device: device('generic', { options }) });
    expect(plan.unsupported.map((u) => u.op)).toEqual([
      'setAdminPin',
      'setMinPinLength',
      'enableEnterpriseAttestation',
      'forcePinChange',
    ]);
  });

  it('reports a missing resident key capability', () => {
    const policy = testPolicy({ key: { residentKey: 'required' } });
    const plan = planConfiguration({
      policy,
      device: device('generic', { options: { ...SIM_INFO.generic.options, rk: false } }),
    });
    expect(plan.unsupported).toEqual([
      { op: 'residentKey', reason: expect.stringMatching(/options\.rk/) },
    ]);
  });
});

describe('planConfiguration — admission', () => {
  const mds = buildMdsIndex({
    no: 7,
    nextUpdate: '2030-01-01',
    entries: [
      {
        aaguid: SIM_AAGUIDS.generic,
        statusReports: [{ status: 'FIDO_CERTIFIED_L1', effectiveDate: '2024-01-01' }],
      },
      {
        aaguid: SIM_AAGUIDS.enterprise,
        statusReports: [{ status: 'FIDO_CERTIFIED_L2', effectiveDate: '2024-01-01' }],
      },
      {
        aaguid: SIM_AAGUIDS.ctap20,
        statusReports: [
          { status: 'FIDO_CERTIFIED_L1', effectiveDate: '2023-01-01' },
          { status: 'REVOKED', effectiveDate: '2024-01-01' },
        ],
      },
    ],
  });

  function refusal(policy = testPolicy(), profile: SimProfile = 'generic', withMds = true) {
    const plan = planConfiguration({
      policy,
      device: device(profile),
      mds: withMds ? mds : undefined,
    });
    return plan.allowed ? [] : plan.reasons;
  }

  it('refuses a blocked AAGUID', () => {
    expect(
      refusal(testPolicy({ authenticators: { blockedAaguids: [SIM_AAGUIDS.generic] } })),
    ).toEqual([`AAGUID ${SIM_AAGUIDS.generic} is blocked by the policy`]);
  });
  it('refuses an AAGUID outside the allow list', () => {
    expect(
      refusal(testPolicy({ authenticators: { allowedAaguids: [SIM_AAGUIDS.enterprise] } }))[0],
    ).toMatch(/not in the policy's allowed AAGUIDs/);
  });
  it('refuses a key whose metadata says REVOKED, with no steps', () => {
    const plan = planConfiguration({ policy: testPolicy(), device: device('ctap20'), mds });
    expect(plan).toMatchObject({
      allowed: false,
      steps: [],
      reasons: [`metadata status REVOKED for AAGUID ${SIM_AAGUIDS.ctap20}`],
    });
  });
  it('refuses a key below the required certification level', () => {
    const policy = testPolicy({ authenticators: { requiredCertification: 'FIDO_CERTIFIED_L2' } });
    expect(refusal(policy)).toEqual([
      'certification level is FIDO_CERTIFIED_L1, the policy requires FIDO_CERTIFIED_L2',
    ]);
    expect(refusal(policy, 'enterprise')).toEqual([]);
  });
  it('refuses unknown AAGUIDs when metadata is required, and says when no BLOB is loaded', () => {
    const policy = testPolicy({ authenticators: { requireMetadata: true } });
    expect(refusal(policy, 'nfc-only')[0]).toMatch(/is not in the FIDO metadata/);
    expect(refusal(policy, 'generic', false)).toEqual([
      'the policy requires FIDO metadata but no valid MDS BLOB is loaded',
    ]);
  });
  it('admits unknown AAGUIDs when metadata is not required', () => {
    expect(refusal(testPolicy(), 'nfc-only')).toEqual([]);
  });
  it('refuses a key without clientPin support', () => {
    const { clientPin: _, ...options } = SIM_INFO.generic.options;
    const plan = planConfiguration({
      policy: testPolicy(),
      device: { ...device('generic'), info: { ...SIM_INFO.generic, options } },
    });
    expect(plan.reasons[0]).toMatch(/no clientPin support/);
  });
  it('matches AAGUIDs case-insensitively', () => {
    const policy = testPolicy({ authenticators: { allowedAaguids: [SIM_AAGUIDS.generic] } });
    const plan = planConfiguration({
      policy,
      device: { ...device('generic'), aaguid: SIM_AAGUIDS.generic.toUpperCase() },
    });
    expect(plan.allowed).toBe(true);
  });
});
