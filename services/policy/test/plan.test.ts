import { randomUUID } from 'node:crypto';
import type { ProfileName } from '@keyward/authenticator-sim';
import { policyRequests } from '@keyward/contracts';
import { applyConfig, changePin } from '@keyward/ctap';
import { busContextOf, callerProofHeaders } from '@keyward/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_AAGUIDS } from './fixtures/simProfiles.ts';
import { simKey } from './support/simKey.ts';
import { type PolicyStack, startPolicyStack } from './support/stack.ts';

const PROFILES: ProfileName[] = ['generic', 'enterprise', 'ctap20', 'nfc-only'];

let stack: PolicyStack;
const policyIds: Record<string, string> = {};

const POLICIES = {
  minimal: { name: 'Minimal', pin: { minLength: 6, generatedLength: 8 } },
  full: {
    name: 'Full',
    pin: {
      minLength: 6,
      generatedLength: 10,
      characterClasses: ['digits', 'uppercase'],
      changeAtIssuance: true,
      delivery: 'displayed',
    },
    key: {
      minPinLength: 6,
      minPinLengthRpIds: ['login.example.com'],
      alwaysUv: true,
      enterpriseAttestation: true,
      credProtect: 2,
      residentKey: 'required',
    },
    adminPin: { enabled: true, length: 12 },
  },
  certifiedL2: {
    name: 'Certified L2',
    pin: { minLength: 6 },
    authenticators: { requiredCertification: 'FIDO_CERTIFIED_L2' },
  },
  metadataRequired: {
    name: 'Metadata required',
    pin: { minLength: 6 },
    authenticators: { requireMetadata: true },
  },
  noCtap20: {
    name: 'No CTAP 2.0',
    pin: { minLength: 6 },
    authenticators: { blockedAaguids: [SIM_AAGUIDS.ctap20] },
  },
  adminChosen: { name: 'Admin chosen', pin: { minLength: 6, initialPin: 'admin-chosen' } },
} as const;

beforeAll(async () => {
  stack = await startPolicyStack({
    entries: [
      {
        aaguid: SIM_AAGUIDS.generic,
        description: 'Keyward sim generic',
        statuses: ['FIDO_CERTIFIED_L1'],
      },
      {
        aaguid: SIM_AAGUIDS.enterprise,
        description: 'Keyward sim enterprise',
        statuses: ['FIDO_CERTIFIED_L2'],
        ep: true,
      },
      {
        aaguid: SIM_AAGUIDS.ctap20,
        description: 'Keyward sim CTAP 2.0',
        statuses: ['FIDO_CERTIFIED_L1'],
      },
    ],
  });
  const token = stack.token(['policy:write']);
  for (const [key, body] of Object.entries(POLICIES)) {
    const res = await stack.http('POST', '/policies', { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    policyIds[key] = res.body.id;
  }
});
afterAll(async () => {
  await stack?.stop();
});

const serial = (profile: string) => `SN-${profile}-${randomUUID().slice(0, 8)}`;

describe('keyward.policy.plan against simulator keys', () => {
  for (const profile of PROFILES) {
    for (const policy of ['minimal', 'full'] as const) {
      it(`${profile} × ${policy}: the plan applies on the key, the PIN works, re-planning yields nothing`, async () => {
        const key = await simKey(profile, serial(profile));
        try {
          const first = await stack.call(
            policyRequests.plan,
            await key.planRequest(policyIds[policy]!),
          );
          if (!first.ok) throw new Error(JSON.stringify(first.error));
          const plan = first.data;
          expect(plan.allowed).toBe(true);
          expect(plan.policy).toEqual({
            id: policyIds[policy],
            version: 1,
            name: POLICIES[policy].name,
          });
          expect(plan.steps[0]).toEqual({ op: 'setPin' });
          expect(plan.secrets.userPin).toMatch(policy === 'full' ? /^[0-9A-Z]{10}$/ : /^\d{8}$/);
          expect(plan.secrets.adminPin !== undefined).toBe(
            plan.steps.some((s: { op: string }) => s.op === 'setAdminPin'),
          );

          const result = await applyConfig(key.dev, { plan, secrets: plan.secrets });
          expect(result.steps.filter((s) => s.outcome !== 'applied')).toEqual([]);

          const again = await stack.call(
            policyRequests.plan,
            await key.planRequest(policyIds[policy]!),
          );
          expect(again).toMatchObject({
            ok: true,
            data: { allowed: true, steps: [], secrets: {} },
          });

          // The PIN the vault keeps is the PIN on the key: changing it from the vault's value works.
          const read = await stack.call(policyRequests.pinRead, {
            serial: key.serial,
            which: 'user',
            permissions: ['device:userpin:read'],
          });
          expect(read).toMatchObject({ ok: true, data: { userPin: plan.secrets.userPin } });
          const changed = await changePin(key.dev, {
            currentPin: plan.secrets.userPin!,
            newPin: '90817263',
          });
          expect(changed.forcePinChange).toBe(false);
        } finally {
          await key.close();
        }
      });
    }
  }

  it('the full policy: enterprise gets every step, CTAP 2.0 only the PIN with reasons', async () => {
    const ent = await simKey('enterprise', serial('enterprise'));
    const c20 = await simKey('ctap20', serial('ctap20'));
    try {
      const e = await stack.call(policyRequests.plan, await ent.planRequest(policyIds.full!));
      expect(e.ok && e.data.steps.map((s: { op: string }) => s.op)).toEqual([
        'setPin',
        'setAdminPin',
        'setMinPinLength',
        'enableEnterpriseAttestation',
        'setAlwaysUv',
        'forcePinChange',
      ]);
      expect(e.ok && e.data.secrets.unlockSecret).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      const c = await stack.call(policyRequests.plan, await c20.planRequest(policyIds.full!));
      expect(c.ok && c.data.steps).toEqual([{ op: 'setPin' }]);
      expect(c.ok && c.data.unsupported.map((u: { op: string }) => u.op).sort()).toEqual([
        'credProtect',
        'credentialManagement',
        'enableEnterpriseAttestation',
        'forcePinChange',
        'setAdminPin',
        'setAlwaysUv',
        'setMinPinLength',
      ]);
    } finally {
      await ent.close();
      await c20.close();
    }
  });

  it.each([
    [
      'certifiedL2',
      'generic',
      /certification level is FIDO_CERTIFIED_L1, the policy requires FIDO_CERTIFIED_L2/,
    ],
    [
      'metadataRequired',
      'nfc-only',
      /is not in the FIDO metadata and the policy requires metadata/,
    ],
    ['noCtap20', 'ctap20', /is blocked by the policy/],
  ] as const)(
    'refuses: %s × %s, with the reason, no secrets and nothing stored',
    async (policy, profile, reason) => {
      const key = await simKey(profile, serial(profile));
      try {
        const reply = await stack.call(
          policyRequests.plan,
          await key.planRequest(policyIds[policy]!),
        );
        expect(reply).toMatchObject({ ok: true, data: { allowed: false, steps: [], secrets: {} } });
        expect(reply.ok && reply.data.reasons.join()).toMatch(reason);
        const read = await stack.call(policyRequests.pinRead, {
          serial: key.serial,
          which: 'user',
          permissions: ['device:userpin:read'],
        });
        expect(read).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      } finally {
        await key.close();
      }
    },
  );

  it('admits the keys those policies allow (the refusals are specific)', async () => {
    const ent = await simKey('enterprise', serial('enterprise'));
    try {
      const reply = await stack.call(
        policyRequests.plan,
        await ent.planRequest(policyIds.certifiedL2!),
      );
      expect(reply).toMatchObject({ ok: true, data: { allowed: true } });
    } finally {
      await ent.close();
    }
  });

  it('admin-chosen PIN: required, checked against the rules without echoing it, then used', async () => {
    const key = await simKey('generic', serial('generic'));
    try {
      const request = await key.planRequest(policyIds.adminChosen!);
      const missing = await stack.call(policyRequests.plan, request);
      expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      const weak = await stack.call(policyRequests.plan, { ...request, chosenUserPin: '123456' });
      expect(weak).toMatchObject({
        ok: false,
        error: { code: 'POLICY_VIOLATION', details: { rules: ['sequence'] } },
      });
      expect(JSON.stringify(weak)).not.toContain('123456');
      const ok = await stack.call(policyRequests.plan, { ...request, chosenUserPin: '480261' });
      expect(ok).toMatchObject({ ok: true, data: { secrets: { userPin: '480261' } } });
      const stricterKey = { ...request, info: { ...request.info, minPinLength: 10 } };
      const short = await stack.call(policyRequests.plan, {
        ...stricterKey,
        chosenUserPin: '48026159',
      });
      expect(short).toMatchObject({
        ok: false,
        error: { code: 'POLICY_VIOLATION', details: { rules: ['tooShort'] } },
      });
    } finally {
      await key.close();
    }
  });

  it('rejects an invalid plan request naming the field, and an unknown policy', async () => {
    const key = await simKey('generic', serial('generic'));
    try {
      const request = await key.planRequest('no-such-policy');
      expect(await stack.call(policyRequests.plan, request)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      const bad = new TextEncoder().encode(JSON.stringify({ ...request, aaguid: 'nope' }));
      const raw = await stack.nc.request('keyward.policy.plan', bad, {
        headers: callerProofHeaders(busContextOf(stack.nc), 'keyward.policy.plan', bad),
        timeout: 5_000,
      });
      const body = JSON.parse(raw.string());
      expect(body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(body.error.message).toContain('aaguid');
    } finally {
      await key.close();
    }
  });
});
