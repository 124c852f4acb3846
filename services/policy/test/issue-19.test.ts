import { policyRequests } from '@keyward/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PolicyStack, startPolicyStack } from './support/stack.ts';

// Issue 19 (security review of the REST front doors): the policy service's secret routes.
let stack: PolicyStack;
const SERIAL = 'SN-I19-1';
const USER_PIN = '61837295';
const LIMIT = 3;
beforeAll(async () => {
  stack = await startPolicyStack({ env: { SECRET_RATE_LIMIT: String(LIMIT) } });
  expect(
    (await stack.call(policyRequests.pinStore, { serial: SERIAL, userPin: USER_PIN })).ok,
  ).toBe(true);
});
afterAll(async () => {
  await stack?.stop();
});

const pinPath = (serial: string) => `/devices/${encodeURIComponent(serial)}/pins/user`;
const logged = () => stack.logLines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('issue 19: the PIN and unlock-response routes', () => {
  it('answer with Cache-Control: no-store and no ETag, refusals included', async () => {
    const read = await stack.http('GET', pinPath(SERIAL), {
      token: stack.token(['device:userpin:read'], 'reader-1'),
    });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ serial: SERIAL, userPin: USER_PIN });
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect(read.headers.get('etag')).toBeNull();
    const unlock = await stack.http('POST', `/devices/${SERIAL}/unlock-response`, {
      token: stack.token(['device:unlock'], 'reader-1'),
      body: { challenge: 'AAAA' },
    });
    expect(unlock.status).toBeGreaterThanOrEqual(400);
    expect(unlock.headers.get('cache-control')).toBe('no-store');
    expect(unlock.headers.get('etag')).toBeNull();
  });

  it('answer 400 naming the field to an over-long serial, before any refusal, with no error logged', async () => {
    const long = 'S'.repeat(129);
    const before = stack.logLines.length;
    for (const permissions of [[], ['device:userpin:read']]) {
      const r = await stack.http('GET', pinPath(long), {
        token: stack.token(permissions, 'long-serial'),
      });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('params.serial'),
      });
    }
    const levels = logged()
      .slice(before)
      .map((l) => l.level);
    expect(levels).not.toContain('error');
  });

  it('audit a 403 on an unknown serial and log it at info', async () => {
    const before = stack.logLines.length;
    const r = await stack.http('GET', pinPath('SN-NEVER-SEEN'), {
      token: stack.token(['device:read'], 'eve'),
    });
    expect(r.status).toBe(403);
    await stack.waitForEvent(
      (e) => e.type === 'keyward.admin.access_denied' && e.actor === 'user:eve',
      'access_denied for eve',
    );
    const lines = logged().slice(before);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'request forbidden', code: 'FORBIDDEN' }),
    );
  });

  it(`answer 429 with Retry-After and RateLimit headers after ${LIMIT} calls of one caller`, async () => {
    const token = stack.token(['device:userpin:read', 'device:unlock'], 'guesser');
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) {
      statuses.push((await stack.http('GET', pinPath(SERIAL), { token })).status);
    }
    expect(statuses).toEqual([200, 200, 200]);
    // The unlock-response route shares the budget: the next call of either is refused.
    const refused = await stack.http('POST', `/devices/${SERIAL}/unlock-response`, {
      token,
      body: { challenge: 'AAAA' },
    });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(
          /^more than 3 PIN and unlock requests in 60 s; retry after \d+ s$/,
        ),
        details: { limit: 3, windowSec: 60 },
      },
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-policy')).toMatch(/^"PIN and unlock"; q=3; w=60; pk=/);
    expect(refused.headers.get('ratelimit')).toMatch(/^"PIN and unlock"; r=0; t=\d+$/);
    expect(JSON.stringify(refused.body)).not.toContain(USER_PIN);
    // Another caller has a budget of its own.
    const other = await stack.http('GET', pinPath(SERIAL), {
      token: stack.token(['device:userpin:read'], 'someone-else'),
    });
    expect(other.status).toBe(200);
  });
});
