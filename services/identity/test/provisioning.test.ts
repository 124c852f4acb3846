import { identityRequests } from '@keyward/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedIdp, startEntra } from './support/emulators.ts';
import { newSimKey, type SimKey } from './support/simKey.ts';
import { type Stack, startStack } from './support/stack.ts';

const USERS = Array.from({ length: 200 }, (_, i) => ({
  login: `user${String(i).padStart(3, '0')}@example.com`,
  givenName: `User${i}`,
}));

/** The operator's decision for user i (what the gateway session would report). */
function planFor(
  i: number,
): 'failed' | 'skipped' | 'already_next' | 'already_retry' | 'provisioned' {
  switch (i % 10) {
    case 0:
      return 'failed';
    case 1:
      return 'skipped';
    case 2:
      return 'already_next';
    case 3:
      return 'already_retry';
    default:
      return 'provisioned';
  }
}

let stack: Stack;
let idp: EmulatedIdp;
let idpId: string;
const keys: SimKey[] = [];

beforeAll(async () => {
  stack = await startStack();
  idp = await startEntra(USERS);
  const created = await stack.http('/idps', {
    method: 'POST',
    body: { name: 'entra', settings: idp.settings, secrets: idp.secrets },
  });
  idpId = created.body.id;
  // A pool of simulated keys (50 discoverable credentials each), used round-robin.
  for (let k = 0; k < 5; k += 1) keys.push(await newSimKey(`KWPROV${k}`));
});
afterAll(async () => {
  for (const k of keys) await k.close();
  await idp?.stop();
  await stack?.stop();
});

describe('manual provisioning request of 200 users', () => {
  it('ends with the exact counts and a report whose rows match', { timeout: 240_000 }, async () => {
    const csv = ['upn,displayName', ...USERS.map((u) => `${u.login},"${u.givenName}, Test"`)].join(
      '\n',
    );
    const created = await stack.http('/provisioning-requests', {
      method: 'POST',
      body: { name: 'onboarding', policyId: 'policy-standard', idpId, mode: 'manual', csv },
    });
    expect(created.status).toBe(201);
    expect(created.body.summary).toEqual({
      total: 200,
      provisioned: 0,
      failed: 0,
      skipped: 0,
      pending: 200,
    });
    const requestId: string = created.body.id;

    const expected = new Map<string, { state: string; reason: string }>();
    let previous: Parameters<
      typeof stack.call<typeof identityRequests.provisioningNext>
    >[1]['previous'];
    let retriedOnce = new Set<string>();
    let enrolled = 0;
    for (let guard = 0; guard < 400; guard += 1) {
      const r = await stack.call(identityRequests.provisioningNext, {
        requestId,
        ...(previous ? { previous } : {}),
      });
      if (!r.ok) throw new Error(`next failed: ${r.error.code} ${r.error.message}`);
      const user = r.data.user;
      if (!user) {
        expect(r.data.remaining).toBe(0);
        break;
      }
      const i = Number(user.id.slice(4, 7));
      const plan = planFor(i);
      if (plan === 'failed') {
        previous = { userId: user.id, outcome: 'failed', reason: 'PIN blocked' };
        expected.set(user.id, { state: 'failed', reason: 'PIN blocked' });
      } else if (plan === 'skipped') {
        previous = { userId: user.id, outcome: 'skipped', reason: 'not in office' };
        expected.set(user.id, { state: 'skipped', reason: 'not in office' });
      } else if (plan === 'already_next') {
        previous = { userId: user.id, outcome: 'already_provisioned', choice: 'next_user' };
        expected.set(user.id, { state: 'skipped', reason: 'already provisioned' });
      } else if (plan === 'already_retry' && !retriedOnce.has(user.id)) {
        retriedOnce = new Set([...retriedOnce, user.id]);
        previous = { userId: user.id, outcome: 'already_provisioned', choice: 'try_new_device' };
      } else {
        const key = keys[enrolled % keys.length]!;
        enrolled += 1;
        const begun = await stack.call(identityRequests.enrollmentBegin, {
          idpId: r.data.idpId,
          user: user.id,
          deviceSerial: key.serial,
        });
        if (!begun.ok) throw new Error(`begin failed for ${user.id}: ${begun.error.message}`);
        const att = await key.enroll(begun.data.publicKey, begun.data.origin);
        const done = await stack.call(identityRequests.enrollmentComplete, {
          enrollmentId: begun.data.enrollmentId,
          ...att,
        });
        if (!done.ok) throw new Error(`complete failed for ${user.id}: ${done.error.message}`);
        previous = {
          userId: user.id,
          outcome: 'provisioned',
          serial: key.serial,
          credentialId: att.credentialId,
        };
        expected.set(user.id, { state: 'provisioned', reason: '' });
      }
    }

    const summary = { total: 200, provisioned: 140, failed: 20, skipped: 40, pending: 0 };
    const view = await stack.http(`/provisioning-requests/${requestId}`);
    expect(view.body.summary).toEqual(summary);
    expect(view.body.completedAt).toBeTypeOf('string');
    expect(idp.emulator.state.credentials.size).toBe(140);

    const json = await stack.http(`/provisioning-requests/${requestId}/report?format=json`);
    expect(json.body.summary).toEqual(summary);
    expect(json.body.rows).toHaveLength(200);
    for (const row of json.body.rows as {
      userId: string;
      state: string;
      reason: string;
      serial: string;
    }[]) {
      expect({ userId: row.userId, state: row.state, reason: row.reason }).toEqual({
        userId: row.userId,
        ...expected.get(row.userId),
      });
      if (row.state === 'provisioned') expect(row.serial).toMatch(/^KWPROV\d$/);
    }

    const csvReport = await stack.http(`/provisioning-requests/${requestId}/report?format=csv`);
    expect(csvReport.headers.get('content-type')).toContain('text/csv');
    const lines = csvReport.text.trim().split('\r\n');
    expect(lines).toHaveLength(201);
    expect(lines[0]).toBe(
      'userId,displayName,email,state,reason,serial,credentialId,attempts,updatedAt',
    );
    const states = lines.slice(1).map((l) => l.split(',')[0]!);
    expect(states).toEqual(USERS.map((u) => u.login));

    const completed = stack.events.filter(
      (e) => e.type === 'keyward.provisioning.completed' && e.data.requestId === requestId,
    );
    expect(completed).toHaveLength(1);
    expect(completed[0]?.data).toMatchObject(summary);
  });
});

describe('concurrent gateway sessions', () => {
  it('hand out each user exactly once when sessions ask at the same time', async () => {
    const csv = ['user', ...Array.from({ length: 12 }, (_, i) => `race${i}@example.com`)].join(
      '\n',
    );
    const created = await stack.http('/provisioning-requests', {
      method: 'POST',
      body: { name: 'race', policyId: 'p', idpId, csv },
    });
    const replies = await Promise.all(
      Array.from({ length: 12 }, () =>
        stack.call(identityRequests.provisioningNext, { requestId: created.body.id }),
      ),
    );
    const handed = replies.map((r) => (r.ok ? r.data.user?.id : `error:${r.error.code}`));
    expect(new Set(handed).size).toBe(12);
    expect(handed.every((h) => h?.startsWith('race'))).toBe(true);
  });
});
