import { describe, expect, it } from 'vitest';
import { buildMdsIndex } from '../mds/mdsIndex.ts';
import { validatePolicy } from './validatePolicy.ts';

const A = '11111111-1111-1111-1111-111111111111';
const B = '22222222-2222-2222-2222-222222222222';
const base = { name: 'Standard', pin: { minLength: 6, generatedLength: 8 } };

function issuesOf(input: unknown, mds?: Parameters<typeof validatePolicy>[0]['mds']) {
  const r = validatePolicy({ input, mds });
  return r.ok ? [] : r.issues;
}

describe('validatePolicy', () => {
  it('accepts a minimal policy and fills documented defaults', () => {
    const r = validatePolicy({ input: base });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.pin).toMatchObject({
      characterClasses: ['digits'],
      forbidSequences: true,
      forbidRepeats: true,
      initialPin: 'random',
      delivery: 'disguised',
      changeAtIssuance: false,
    });
    expect(r.policy.key.enterpriseAttestation).toBe(false);
    expect(r.policy.authenticators.allowedAaguids).toEqual([]);
    expect(r.policy.adminPin).toEqual({ enabled: false, length: 12 });
  });

  it.each([
    [{ pin: { minLength: 3 } }, 'pin.minLength'],
    [{ pin: { minLength: 64 } }, 'pin.minLength'],
    [{ pin: { minLength: 6, characterClasses: [] } }, 'pin.characterClasses'],
    [{ pin: { minLength: 6, characterClasses: ['emoji'] } }, 'pin.characterClasses.0'],
    [{ pin: { minLength: 6 }, name: '' }, 'name'],
    [
      { pin: { minLength: 6 }, authenticators: { allowedAaguids: ['nope'] } },
      'authenticators.allowedAaguids.0',
    ],
    [{ pin: { minLength: 6 }, key: { credProtect: 4 } }, 'key.credProtect'],
  ])('rejects bad field %j naming %s', (patch, path) => {
    expect(issuesOf({ ...base, ...patch }).map((i) => i.path)).toContain(path);
  });

  it('rejects generated PINs shorter than the minimum', () => {
    const issues = issuesOf({ ...base, pin: { minLength: 8, generatedLength: 6 } });
    expect(issues).toEqual([
      { path: 'pin.generatedLength', message: 'was 6, expected at least pin.minLength (8)' },
    ]);
  });

  it('rejects a key minimum PIN length above the policy minimum', () => {
    const [issue] = issuesOf({ ...base, key: { minPinLength: 8 } });
    expect(issue?.path).toBe('key.minPinLength');
    expect(issue?.message).toMatch(/the key would refuse PINs the policy allows/);
  });

  it('rejects RP IDs for minPinLength without a minimum to set', () => {
    expect(issuesOf({ ...base, key: { minPinLengthRpIds: ['example.com'] } })[0]?.path).toBe(
      'key.minPinLengthRpIds',
    );
  });

  it('rejects requiring more character classes than the minimum length', () => {
    const input = {
      ...base,
      pin: {
        minLength: 4,
        generatedLength: 8,
        characterClasses: ['digits', 'lowercase', 'uppercase', 'symbols', 'digits'],
        requireEachClass: true,
      },
    };
    expect(issuesOf(input).map((i) => i.path)).toEqual(['pin.characterClasses']);
    const five = {
      ...base,
      pin: {
        minLength: 4,
        generatedLength: 8,
        characterClasses: ['digits', 'lowercase', 'uppercase', 'symbols'],
        requireEachClass: true,
      },
    };
    expect(issuesOf(five)).toEqual([]);
  });

  it('rejects a forced PIN change when nobody is shown the random PIN', () => {
    const [issue] = issuesOf({
      ...base,
      pin: { ...base.pin, changeAtIssuance: true, delivery: 'not-displayed' },
    });
    expect(issue?.path).toBe('pin.changeAtIssuance');
    expect(
      issuesOf({ ...base, pin: { ...base.pin, changeAtIssuance: true, delivery: 'displayed' } }),
    ).toEqual([]);
  });

  it('rejects an AAGUID that is both allowed and blocked (case-insensitively)', () => {
    const issues = issuesOf({
      ...base,
      authenticators: { allowedAaguids: [A.toUpperCase()], blockedAaguids: [A] },
    });
    expect(issues).toEqual([
      {
        path: 'authenticators.allowedAaguids.0',
        message: `AAGUID ${A} is both allowed and blocked`,
      },
    ]);
  });

  it('rejects an admin PIN shorter than the user PIN minimum', () => {
    const input = {
      ...base,
      pin: { minLength: 10, generatedLength: 10 },
      adminPin: { enabled: true, length: 8 },
    };
    expect(issuesOf(input)[0]?.path).toBe('adminPin.length');
  });

  describe('enterprise attestation against metadata', () => {
    const mds = buildMdsIndex({
      no: 1,
      nextUpdate: '2030-01-01',
      entries: [
        {
          aaguid: A,
          statusReports: [{ status: 'FIDO_CERTIFIED_L1' }],
          metadataStatement: {
            attestationRootCertificates: [],
            authenticatorGetInfo: { options: { clientPin: true } },
          },
        },
        {
          aaguid: B,
          statusReports: [{ status: 'FIDO_CERTIFIED_L1' }],
          metadataStatement: {
            attestationRootCertificates: [],
            authenticatorGetInfo: { options: { ep: false } },
          },
        },
      ],
    });
    it('rejects it when no allowed AAGUID supports ep', () => {
      const [issue] = issuesOf(
        { ...base, key: { enterpriseAttestation: true }, authenticators: { allowedAaguids: [A] } },
        mds,
      );
      expect(issue?.path).toBe('key.enterpriseAttestation');
      expect(issue?.message).toContain(A);
    });
    it('accepts it when one allowed AAGUID supports ep', () => {
      expect(
        issuesOf(
          {
            ...base,
            key: { enterpriseAttestation: true },
            authenticators: { allowedAaguids: [A, B] },
          },
          mds,
        ),
      ).toEqual([]);
    });
    it('accepts it when an allowed AAGUID is unknown to the metadata (cannot tell)', () => {
      const unknown = '33333333-3333-3333-3333-333333333333';
      expect(
        issuesOf(
          {
            ...base,
            key: { enterpriseAttestation: true },
            authenticators: { allowedAaguids: [A, unknown] },
          },
          mds,
        ),
      ).toEqual([]);
    });
  });
});
