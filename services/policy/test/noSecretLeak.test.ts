import { policyRequests } from '@keyward/contracts';
import { applyConfig, remoteUnlock } from '@keyward/ctap';
import { remoteUnlockResponse } from '@keyward/ctap/internal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simKey } from './support/simKey.ts';
import { type PolicyStack, startPolicyStack } from './support/stack.ts';

let stack: PolicyStack;
/** Every secret that crossed the flow, in every encoding it could be written in. */
const secrets = new Set<string>();

function remember(value: string | undefined): void {
  if (!value) return;
  secrets.add(value);
}
function rememberBytes(bytes: Uint8Array): void {
  const b = Buffer.from(bytes);
  for (const enc of ['hex', 'base64', 'base64url'] as const) remember(b.toString(enc));
}

beforeAll(async () => {
  stack = await startPolicyStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('a full configure flow leaks no PIN or secret to logs or events', () => {
  it('configure (plan + apply), read PINs (NATS + REST), remote unlock — then grep', async () => {
    const admin = stack.token(['policy:write', 'device:read'], 'erin');
    const { body: policy } = await stack.http('POST', '/policies', {
      token: admin,
      body: {
        name: 'Enterprise issuance',
        pin: {
          minLength: 8,
          generatedLength: 8,
          characterClasses: ['digits', 'uppercase'],
          changeAtIssuance: true,
          delivery: 'displayed',
        },
        key: { minPinLength: 8, alwaysUv: true, enterpriseAttestation: true },
        adminPin: { enabled: true, length: 14 },
      },
    });

    for (const profile of ['enterprise', 'generic'] as const) {
      const key = await simKey(profile, `SN-LEAK-${profile}`);
      try {
        const planned = await stack.call(
          policyRequests.plan,
          await key.planRequest(policy.id),
          'user:erin',
        );
        if (!planned.ok) throw new Error(planned.error.message);
        const { secrets: s } = planned.data;
        remember(s.userPin);
        remember(s.adminPin);
        if (s.unlockSecret) rememberBytes(Buffer.from(s.unlockSecret, 'base64'));
        expect(s.userPin).toBeDefined();
        expect(s.adminPin !== undefined).toBe(profile === 'enterprise');

        const applied = await applyConfig(key.dev, { plan: planned.data, secrets: s });
        expect(applied.steps.filter((step) => step.outcome === 'failed')).toEqual([]);

        const both = await stack.call(policyRequests.pinRead, {
          serial: key.serial,
          which: 'both',
          permissions: ['device:userpin:read', 'device:adminpin:read'],
        });
        expect(both).toMatchObject({ ok: true, data: { userPin: s.userPin } });
        const rest = await stack.http('GET', `/devices/${key.serial}/pins/user`, {
          token: stack.token(['device:userpin:read'], 'frank'),
        });
        expect(rest.body.userPin).toBe(s.userPin);

        if (profile === 'enterprise') {
          // Remote unlock on the real simulator: the key verifies the policy service's answer.
          const newPin = 'K7P2M9Q4';
          remember(newPin);
          const unlocked = await remoteUnlock(key.dev, {
            newPin,
            respond: async (challenge) => {
              const reply = await stack.call(policyRequests.unlockResponse, {
                serial: key.serial,
                challenge,
                permissions: ['device:unlock'],
              });
              if (!reply.ok) throw new Error(reply.error.message);
              rememberBytes(Buffer.from(reply.data.responseBase64url, 'base64url'));
              return reply.data.responseBase64url;
            },
          });
          expect(unlocked.pinRetries).toBe(8);

          // REST with a hex challenge gives the formula's answer for the sealed secret.
          const challenge = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
          const viaRest = await stack.http('POST', `/devices/${key.serial}/unlock-response`, {
            token: stack.token(['device:unlock'], 'grace'),
            body: { challenge: challenge.toString('hex') },
          });
          const expected = remoteUnlockResponse(Buffer.from(s.unlockSecret!, 'base64'), challenge);
          expect(viaRest.body.response).toBe(Buffer.from(expected).toString('hex'));
          rememberBytes(expected);

          expect(
            await stack.call(policyRequests.unlockResponse, {
              serial: key.serial,
              challenge: challenge.toString('hex'),
              permissions: ['device:read'],
            }),
          ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
          expect(
            (
              await stack.http('POST', `/devices/${key.serial}/unlock-response`, {
                token: stack.token(['device:read']),
                body: { challenge: challenge.toString('hex') },
              })
            ).status,
          ).toBe(403);
        } else {
          expect(
            await stack.call(policyRequests.unlockResponse, {
              serial: key.serial,
              challenge: '00112233445566778899aabbccddeeff',
              permissions: ['device:unlock'],
            }),
          ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        }
      } finally {
        await key.close();
      }
    }

    // The REST calls' events travel apart from the HTTP answers: wait for the last ones.
    await stack.waitForEvent(
      (e) => e.type === 'keyward.unlock.response_issued' && e.actor === 'user:grace',
      'unlock.response_issued by grace',
    );
    await stack.waitForEvent(
      (e) =>
        e.type === 'keyward.pin.read' &&
        e.actor === 'user:frank' &&
        e.data.serial === 'SN-LEAK-generic',
      'pin.read by frank',
    );

    // Positive controls: the capture saw the flow, so an absence below means something.
    const types = new Set(stack.events.map((e) => e.type));
    for (const t of [
      'keyward.policy.created',
      'keyward.pin.stored',
      'keyward.pin.read',
      'keyward.unlock.response_issued',
    ]) {
      expect(types, t).toContain(t);
    }
    expect(stack.events.find((e) => e.type === 'keyward.unlock.response_issued')).toMatchObject({
      data: { serial: 'SN-LEAK-enterprise' },
    });
    expect(stack.logLines.length).toBeGreaterThan(5);
    expect(stack.logLines.join('')).toContain('serving requests');
    expect(secrets.size).toBeGreaterThanOrEqual(10);

    const logText = stack.logLines.join('\n');
    const eventText = stack.events.map((e) => e.raw).join('\n');
    const leaks = [...secrets].filter(
      (secret) => logText.includes(secret) || eventText.includes(secret),
    );
    expect(leaks).toEqual([]);
  });
});
