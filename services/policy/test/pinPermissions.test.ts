import { policyRequests } from '@keyward/contracts';
import { busContextOf, callerProofHeaders } from '@keyward/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PolicyStack, startPolicyStack } from './support/stack.ts';

let stack: PolicyStack;
const SERIAL = 'SN-PERM-1';
const USER_PIN = '52739184';
const ADMIN_PIN = 'Qz7Rt4Wk9Lm2';

beforeAll(async () => {
  stack = await startPolicyStack();
  const stored = await stack.call(policyRequests.pinStore, {
    serial: SERIAL,
    userPin: USER_PIN,
    adminPin: ADMIN_PIN,
  });
  expect(stored.ok).toBe(true);
});
afterAll(async () => {
  await stack?.stop();
});

const U = 'device:userpin:read';
const A = 'device:adminpin:read';

/** permissions → [status of GET .../pins/user, status of GET .../pins/admin] */
const REST_TABLE: [string[], number, number][] = [
  [[], 403, 403],
  [['device:read'], 403, 403],
  [['device:unlock', 'policy:write'], 403, 403],
  [[U], 200, 403],
  [[A], 403, 200],
  [[U, A], 200, 200],
];

describe('PIN read permissions over REST (real JWTs from the test issuer)', () => {
  it.each(REST_TABLE)('%j → user %i, admin %i', async (permissions, userStatus, adminStatus) => {
    const token = stack.token(permissions, `perm-${permissions.join('+') || 'none'}`);
    const user = await stack.http('GET', `/devices/${SERIAL}/pins/user`, { token });
    const admin = await stack.http('GET', `/devices/${SERIAL}/pins/admin`, { token });
    expect([user.status, admin.status]).toEqual([userStatus, adminStatus]);
    if (userStatus === 200) expect(user.body).toEqual({ serial: SERIAL, userPin: USER_PIN });
    else
      expect(user.body.error).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining(U),
      });
    if (adminStatus === 200) expect(admin.body).toEqual({ serial: SERIAL, adminPin: ADMIN_PIN });
    else expect(JSON.stringify(admin.body)).not.toContain(ADMIN_PIN);
  });

  it('401 without a token, 404 for a serial with nothing stored', async () => {
    expect((await stack.http('GET', `/devices/${SERIAL}/pins/user`)).status).toBe(401);
    const missing = await stack.http('GET', '/devices/SN-NONE/pins/user', {
      token: stack.token([U]),
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('no user PIN stored for serial SN-NONE');
  });

  it('audits every REST read as keyward.pin.read with the reader as actor and no PIN', async () => {
    await stack.http('GET', `/devices/${SERIAL}/pins/admin`, { token: stack.token([A], 'carol') });
    const event = await stack.waitForEvent(
      (e) => e.type === 'keyward.pin.read' && e.actor === 'user:carol',
      'pin.read by carol',
    );
    expect(event).toMatchObject({
      actor: 'user:carol',
      data: { serial: SERIAL, requested: 'admin', granted: ['admin'], denied: [] },
    });
    expect(event?.raw).not.toContain(ADMIN_PIN);
  });
});

/** permissions → [which, granted kinds or 'FORBIDDEN'] */
const BUS_TABLE: [string[], 'user' | 'admin' | 'both', string[] | 'FORBIDDEN', string[]][] = [
  [[], 'user', 'FORBIDDEN', ['user']],
  [[], 'both', 'FORBIDDEN', ['user', 'admin']],
  [[U], 'user', ['user'], []],
  [[U], 'admin', 'FORBIDDEN', ['admin']],
  [[U], 'both', ['user'], ['admin']],
  [[A], 'both', ['admin'], ['user']],
  [[U, A], 'both', ['user', 'admin'], []],
  [['device:read', 'device:unlock'], 'both', 'FORBIDDEN', ['user', 'admin']],
];

describe('keyward.policy.pin.read: the actor permissions passed in decide, every answer is audited', () => {
  it.each(BUS_TABLE)(
    '%j asking %s → %j (denied %j)',
    async (permissions, which, granted, denied) => {
      const before = stack.events.length;
      const reply = await stack.call(
        policyRequests.pinRead,
        { serial: SERIAL, which, permissions: permissions as never },
        'user:dave',
      );
      if (granted === 'FORBIDDEN') {
        expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      } else {
        expect(reply).toEqual({
          ok: true,
          data: {
            ...(granted.includes('user') ? { userPin: USER_PIN } : {}),
            ...(granted.includes('admin') ? { adminPin: ADMIN_PIN } : {}),
            denied,
          },
        });
      }
      const audit = stack.events
        .slice(before)
        .filter((e) => e.type === 'keyward.pin.read' && e.actor === 'user:dave');
      expect(audit).toEqual([
        expect.objectContaining({
          actor: 'user:dave',
          data: {
            serial: SERIAL,
            requested: which,
            granted: granted === 'FORBIDDEN' ? [] : granted,
            denied,
          },
        }),
      ]);
      expect(audit[0]!.raw).not.toMatch(new RegExp(`${USER_PIN}|${ADMIN_PIN}`));
    },
  );

  it('rejects an unknown permission name as invalid input', async () => {
    const subject = 'keyward.policy.pin.read';
    const body = new TextEncoder().encode(
      JSON.stringify({ serial: SERIAL, which: 'user', permissions: ['device:everything'] }),
    );
    const raw = await stack.nc.request(subject, body, {
      headers: callerProofHeaders(busContextOf(stack.nc), subject, body),
      timeout: 5_000,
    });
    expect(JSON.parse(raw.string())).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });
});
