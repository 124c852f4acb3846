import { policyRequests } from '@keyward/contracts';
import { generateTransportKeyPair } from '@keyward/secret-envelope';
import { busContextOf, callerProofHeaders, request } from '@keyward/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asGateway } from './support/asGateway.ts';
import { type PolicyStack, startPolicyStack } from './support/stack.ts';

// Issue 19: the policy trusted `permissions` and `Keyward-Actor` from the request, and returned
// PINs in clear. Now the administrator's token (sealed) is the only proof, and secrets are sealed.

let stack: PolicyStack;
const SERIAL = 'SN-I19-1';
const USER_PIN = '52739184';
const ADMIN_PIN = 'A9x4-77Qm-2b';

beforeAll(async () => {
  stack = await startPolicyStack();
  const stored = await stack.call(policyRequests.pinStore, {
    serial: SERIAL,
    userPin: USER_PIN,
    adminPin: ADMIN_PIN,
  });
  expect(stored.ok, JSON.stringify(stored)).toBe(true);
});
afterAll(async () => {
  await stack?.stop();
});

const deniedFor =
  (actor: string) => (e: { type: string; actor: string; data: Record<string, unknown> }) =>
    e.type === 'keyward.admin.access_denied' &&
    e.actor === actor &&
    e.data.path === policyRequests.pinRead.subject;

describe('keyward.policy.pin.read proves its caller', () => {
  it('refuses a view without a token as UNAUTHENTICATED and audits it, whatever the actor header says', async () => {
    const { reply } = await asGateway(
      stack.nc,
      policyRequests.pinRead,
      { serial: SERIAL, which: 'both', purpose: 'view' },
      { actor: 'service:mallory-claims' },
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // The audit names the caller its bus signature proves (the test's operator identity), not
    // the actor the header claims.
    const event = await stack.waitForEvent(deniedFor('service:operator'), 'access_denied');
    expect(event.data).toMatchObject({
      service: 'policy',
      method: 'NATS',
      serial: SERIAL,
      permission: 'device:userpin:read',
      reason: 'unauthenticated',
    });
    expect(event.raw).not.toContain(USER_PIN);
  });

  it('refuses a token of another issuer (forged) as UNAUTHENTICATED and audits it', async () => {
    const [header, payload] = stack.token(['device:userpin:read'], 'eve').split('.');
    const forged = `${header}.${payload}.${Buffer.alloc(64).toString('base64url')}`;
    const { reply } = await asGateway(
      stack.nc,
      policyRequests.pinRead,
      { serial: SERIAL, which: 'user', purpose: 'view' },
      { actor: 'user:eve', token: forged },
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await stack.waitForEvent(deniedFor('service:operator'), 'access_denied for the forged token');
  });

  it('takes the actor and permissions from the token, not from the header', async () => {
    const token = stack.token(['device:userpin:read'], 'helpdesk-7');
    const { reply, raw } = await asGateway(
      stack.nc,
      policyRequests.pinRead,
      { serial: SERIAL, which: 'both', purpose: 'view' },
      { actor: 'user:someone-else', token },
    );
    expect(reply).toMatchObject({ ok: true, data: { userPin: USER_PIN, denied: ['admin'] } });
    expect(JSON.stringify(raw)).not.toContain(USER_PIN);
    const audited = await stack.waitForEvent(
      (e) => e.type === 'keyward.pin.read' && e.actor === 'user:helpdesk-7',
      'pin.read by the token holder',
    );
    expect(audited.data).toMatchObject({ granted: ['user'], denied: ['admin'] });
  });

  it('refuses a sealed token copied into a request with another reply key (a thief cannot open the reply)', async () => {
    const token = stack.token(['device:userpin:read'], 'admin-copy');
    const { sent } = await asGateway(
      stack.nc,
      policyRequests.pinRead,
      { serial: SERIAL, which: 'user', purpose: 'view' },
      { token },
    );
    const stolen = { ...(sent as object), replyKey: generateTransportKeyPair().publicKey };
    const reply = await request(stack.nc, policyRequests.pinRead, stolen as never, {
      timeoutMs: 10_000,
      actor: 'user:thief',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers a PIN sealed to the wrong key or context with the typed SEALED_VALUE_INVALID', async () => {
    const token = stack.token(['device:unlock'], 'admin-ctx');
    const { sent } = await asGateway(
      stack.nc,
      policyRequests.pinCheck,
      { serial: SERIAL, pin: '84120573' },
      { token },
    );
    // The same sealed PIN and token, presented for another serial.
    const moved = { ...(sent as object), serial: 'SN-I19-OTHER' };
    const reply = await request(stack.nc, policyRequests.pinCheck, moved as never, {
      timeoutMs: 10_000,
    });
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error.code).toMatch(/^(UNAUTHENTICATED|SEALED_VALUE_INVALID)$/);
    // Sealed to a key id the policy does not hold: told to fetch the key again.
    const pin = (sent as { pin: Record<string, string> }).pin;
    const rotated = { ...(sent as object), pin: { ...pin, kid: 'AAAAAAAAAAAAAAAAAAAAAA' } };
    expect(
      await request(stack.nc, policyRequests.pinCheck, rotated as never, { timeoutMs: 10_000 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'SEALING_KEY_UNKNOWN' },
    });
  });

  it('refuses a pin.store without a token (no one plants a PIN)', async () => {
    const token = stack.token(['device:unlock'], 'planter');
    const { sent } = await asGateway(
      stack.nc,
      policyRequests.pinCheck,
      { serial: SERIAL, pin: '11223344' },
      { token },
    );
    // Sent raw: service-kit's request() would not even send a pin.store without authorization.
    const { authorization: _dropped, ...noToken } = sent as Record<string, unknown>;
    const subject = policyRequests.pinStore.subject;
    const body = new TextEncoder().encode(
      JSON.stringify({ ...noToken, userPin: (sent as { pin: unknown }).pin }),
    );
    const msg = await stack.nc.request(subject, body, {
      timeout: 10_000,
      headers: callerProofHeaders(busContextOf(stack.nc), subject, body),
    });
    expect(JSON.parse(msg.string())).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    const still = await stack.call(policyRequests.pinRead, {
      serial: SERIAL,
      which: 'user',
      permissions: ['device:userpin:read'],
    });
    expect(still).toMatchObject({ ok: true, data: { userPin: USER_PIN } });
  });
});
