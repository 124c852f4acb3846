import { describe, expect, it } from 'vitest';
import { provisioningNext } from './next.ts';
import { parseCsv } from './parseCsv.ts';
import { type ProvisioningRequest, parseUsersCsv, summarize } from './provisioning.ts';
import { reportCsv, reportJson } from './report.ts';

const now = new Date('2026-04-01T08:00:00Z');

function request(csv: string): ProvisioningRequest {
  return {
    id: 'r1',
    name: 'batch',
    policyId: 'p1',
    mode: 'manual',
    users: parseUsersCsv(csv, now),
    createdAt: now,
    createdBy: 'user:admin',
    version: 0,
  };
}

describe('provisioning CSV upload', () => {
  it('reads users with quoted fields and optional columns', () => {
    const users = parseUsersCsv('upn,displayName\r\nalice@x.com,"Adams, Alice"\nbob@x.com,\n', now);
    expect(users.map((u) => [u.userId, u.displayName])).toEqual([
      ['alice@x.com', 'Adams, Alice'],
      ['bob@x.com', undefined],
    ]);
  });

  it('names the line of an empty or repeated user', () => {
    expect(() => parseUsersCsv('user\nalice\n\n,x\n', now)).toThrow(
      /csv line 4: column user is empty/,
    );
    expect(() => parseUsersCsv('user\nalice\nALICE\n', now)).toThrow(
      /line 3: user ALICE repeats line 2/,
    );
    expect(() => parseUsersCsv('name\nalice\n', now)).toThrow(/no user column/);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('a\n"b')).toThrow(/unterminated/);
  });
});

describe('manual provisioning next', () => {
  it('hands out users in order and records each outcome', () => {
    let r = request('user\na\nb\nc\nd\n');
    let step = provisioningNext(r, undefined, now);
    expect(step.next?.userId).toBe('a');
    r = step.request;
    step = provisioningNext(r, { userId: 'a', outcome: 'provisioned', serial: 'S1' }, now);
    expect(step.next?.userId).toBe('b');
    r = step.request;
    step = provisioningNext(
      r,
      { userId: 'b', outcome: 'already_provisioned', choice: 'try_new_device' },
      now,
    );
    expect(step.next?.userId).toBe('b');
    r = step.request;
    step = provisioningNext(
      r,
      { userId: 'b', outcome: 'already_provisioned', choice: 'next_user' },
      now,
    );
    expect(step.next?.userId).toBe('c');
    r = step.request;
    step = provisioningNext(r, { userId: 'c', outcome: 'failed', reason: 'PIN blocked' }, now);
    r = step.request;
    step = provisioningNext(r, { userId: 'd', outcome: 'skipped' }, now);
    expect(step).toMatchObject({ next: null, remaining: 0, completedNow: true });
    expect(summarize(step.request.users)).toEqual({
      total: 4,
      provisioned: 1,
      failed: 1,
      skipped: 2,
      pending: 0,
    });
    expect(reportJson(step.request).rows.map((x) => [x.userId, x.state, x.reason])).toEqual([
      ['a', 'provisioned', ''],
      ['b', 'skipped', 'already provisioned'],
      ['c', 'failed', 'PIN blocked'],
      ['d', 'skipped', 'skipped by operator'],
    ]);
  });

  it('hands a user out again once its session has been silent past the claim timeout', () => {
    const later = (ms: number) => new Date(now.getTime() + ms);
    let r = provisioningNext(request('user\na\nb\n'), undefined, now).request;
    // b is still pending, so it goes first; a (in progress, not yet stale) is not touched.
    let step = provisioningNext(r, undefined, later(1_000), { claimTimeoutMs: 60_000 });
    expect(step).toMatchObject({ next: { userId: 'b' }, reclaimed: false });
    r = step.request;
    step = provisioningNext(r, undefined, later(59_000), { claimTimeoutMs: 60_000 });
    expect(step).toMatchObject({ next: null, completedNow: false, reclaimed: false });
    step = provisioningNext(step.request, undefined, later(60_000), { claimTimeoutMs: 60_000 });
    expect(step).toMatchObject({ next: { userId: 'a', state: 'in_progress' }, reclaimed: true });
    expect(step.next?.updatedAt).toEqual(later(60_000));
    // Whichever session reports first settles the user; the request completes normally.
    r = provisioningNext(
      step.request,
      { userId: 'a', outcome: 'provisioned', serial: 'S1' },
      now,
    ).request;
    step = provisioningNext(r, { userId: 'b', outcome: 'skipped' }, now);
    expect(step).toMatchObject({ next: null, completedNow: true });
  });

  it('refuses an outcome for a user that was not handed out', () => {
    const r = request('user\na\nb\n');
    expect(() => provisioningNext(r, { userId: 'b', outcome: 'skipped' }, now)).toThrow(
      /expected in_progress/,
    );
    expect(() => provisioningNext(r, { userId: 'zz', outcome: 'skipped' }, now)).toThrow(
      /not in provisioning request/,
    );
  });

  it('writes a CSV report that neutralises formulas', () => {
    const r = request('user,displayName\na,=cmd()\n');
    expect(reportCsv(r).split('\r\n')[1]).toContain("'=cmd()");
  });
});
