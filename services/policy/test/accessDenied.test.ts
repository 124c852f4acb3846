import { policyRequests } from '@keyward/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PolicyStack, startPolicyStack } from './support/stack.ts';

let stack: PolicyStack;
const SERIAL = 'SN-DENY-1';
const USER_PIN = '52739184';
beforeAll(async () => {
  stack = await startPolicyStack();
  expect(
    (await stack.call(policyRequests.pinStore, { serial: SERIAL, userPin: USER_PIN })).ok,
  ).toBe(true);
});
afterAll(async () => {
  await stack?.stop();
});

describe('refused PIN reads over REST', () => {
  it('audits a 403 on GET /devices/{serial}/pins/user as keyward.admin.access_denied without the PIN', async () => {
    const r = await stack.http('GET', `/devices/${SERIAL}/pins/user`, {
      token: stack.token(['device:read'], 'mallory'),
    });
    expect(r.status).toBe(403);
    const event = await stack.waitForEvent(
      (e) => e.type === 'keyward.admin.access_denied' && e.actor === 'user:mallory',
      'access_denied for mallory',
    );
    expect(event).toMatchObject({
      data: {
        method: 'GET',
        path: '/devices/:serial/pins/user',
        resource: `/devices/${SERIAL}/pins/user`,
        serial: SERIAL,
        permission: 'device:userpin:read',
      },
    });
    expect(event?.raw).not.toContain(USER_PIN);
  });
});
