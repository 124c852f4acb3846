import { identityRequests } from '@keyward/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETING_LEASE_MS } from '../src/domain/enrollment/enrollment.ts';
import { EMULATORS, type EmulatedIdp } from './support/emulators.ts';
import { newSimKey } from './support/simKey.ts';
import { type Stack, startStack } from './support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.stop());

let serialNo = 0;
const nextSerial = () => `KWTEST${String(++serialNo).padStart(4, '0')}`;

/** enrollment.begin at `idpId`; throws (naming the code) when identity refuses it. */
async function beginAt(
  idpId: string,
  user: string,
  serial: string,
  extra: { notifyUser?: boolean } = {},
) {
  const r = await stack.call(identityRequests.enrollmentBegin, {
    idpId,
    user,
    deviceSerial: serial,
    ...extra,
  });
  if (!r.ok) throw new Error(`begin failed: ${r.error.code} ${r.error.message}`);
  return r.data;
}

describe.each(Object.keys(EMULATORS) as (keyof typeof EMULATORS)[])('enrollment at %s', (name) => {
  let idp: EmulatedIdp;
  let idpId: string;

  beforeAll(async () => {
    idp = await EMULATORS[name]();
    const created = await stack.http('/idps', {
      method: 'POST',
      body: { name: `${name}-test`, settings: idp.settings, secrets: idp.secrets },
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toMatch(/secret-value|PRIVATE KEY/);
    idpId = created.body.id;
  });
  afterAll(async () => idp?.stop());

  const begin = (user = 'alice@example.com', serial = nextSerial()) => beginAt(idpId, user, serial);

  /** A passkey for bob registered at the IdP from `key`; returns its attestation. */
  async function enrolledForBob(key: Awaited<ReturnType<typeof newSimKey>>) {
    const begun = await begin('bob@example.com', key.serial);
    const att = await key.enroll(begun.publicKey, begun.origin);
    const done = await stack.call(identityRequests.enrollmentComplete, {
      enrollmentId: begun.enrollmentId,
      ...att,
    });
    expect(done.ok).toBe(true);
    return att;
  }

  it('enrolls a simulated key end to end and the IdP holds the verified credential', async () => {
    const serial = nextSerial();
    const key = await newSimKey(serial);
    try {
      const begun = await begin('alice@example.com', serial);
      const att = await key.enroll(begun.publicKey, begun.origin);
      const done = await stack.call(identityRequests.enrollmentComplete, {
        enrollmentId: begun.enrollmentId,
        ...att,
      });
      expect(done).toMatchObject({ ok: true, data: { credentialId: att.credentialId } });
      const held = [...idp.emulator.state.credentials.values()].filter(
        (c) => c.credentialId === att.credentialId,
      );
      expect(held).toHaveLength(1);
      expect(held[0]?.fmt).toBe('packed');
      // Completing again replays the result and registers nothing new.
      const again = await stack.call(identityRequests.enrollmentComplete, {
        enrollmentId: begun.enrollmentId,
        ...att,
      });
      expect(again).toEqual(done);
      expect(
        [...idp.emulator.state.credentials.values()].filter(
          (c) => c.credentialId === att.credentialId,
        ),
      ).toHaveLength(1);
      expect(
        stack.events.filter(
          (e) =>
            e.type === 'keyward.enrollment.completed' && e.data.enrollmentId === begun.enrollmentId,
        ),
      ).toHaveLength(1);
      const stored = await stack.deps.credentials.get(att.credentialId);
      expect(stored).toMatchObject({ serial, idpId, status: 'active' });
    } finally {
      await key.close();
    }
  });

  it('registers once when two completes race for the same enrollment', async () => {
    const key = await newSimKey(nextSerial());
    try {
      const begun = await begin();
      const att = await key.enroll(begun.publicKey, begun.origin);
      const [a, b] = await Promise.all([
        stack.call(identityRequests.enrollmentComplete, {
          enrollmentId: begun.enrollmentId,
          ...att,
        }),
        stack.call(identityRequests.enrollmentComplete, {
          enrollmentId: begun.enrollmentId,
          ...att,
        }),
      ]);
      const outcomes = [a, b].map((r) =>
        r.ok ? 'ok' : `${r.error.code}:${String(r.error.details?.retryable)}`,
      );
      expect(outcomes).toContain('ok');
      for (const o of outcomes) expect(['ok', 'CONFLICT:true']).toContain(o);
      expect(
        [...idp.emulator.state.credentials.values()].filter(
          (c) => c.credentialId === att.credentialId,
        ),
      ).toHaveLength(1);
    } finally {
      await key.close();
    }
  });

  it('cancels a half-done enrollment; completing it afterwards is a final conflict', async () => {
    const key = await newSimKey(nextSerial());
    try {
      const begun = await begin();
      const att = await key.enroll(begun.publicKey, begun.origin);
      expect(
        await stack.call(identityRequests.enrollmentCancel, { enrollmentId: begun.enrollmentId }),
      ).toEqual({ ok: true, data: { cancelled: true } });
      const r = await stack.call(identityRequests.enrollmentComplete, {
        enrollmentId: begun.enrollmentId,
        ...att,
      });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', details: { retryable: false } },
      });
      expect(
        [...idp.emulator.state.credentials.values()].some(
          (c) => c.credentialId === att.credentialId,
        ),
      ).toBe(false);
      expect(
        await stack.call(identityRequests.enrollmentCancel, { enrollmentId: begun.enrollmentId }),
      ).toEqual({ ok: true, data: { cancelled: false } });
    } finally {
      await key.close();
    }
  });

  it('refuses an attestation over the wrong challenge as final, with nothing recorded', async () => {
    const key = await newSimKey(nextSerial());
    try {
      const begun = await begin();
      const wrong = {
        ...begun.publicKey,
        challenge: Buffer.from('not the issued challenge').toString('base64url'),
      };
      const att = await key.enroll(wrong, begun.origin);
      const r = await stack.call(identityRequests.enrollmentComplete, {
        enrollmentId: begun.enrollmentId,
        ...att,
      });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'ATTESTATION_INVALID', details: { retryable: false } },
      });
      expect((await stack.deps.enrollments.get(begun.enrollmentId)).status).toBe('failed');
      await expect(stack.deps.credentials.get(att.credentialId)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(
        [...idp.emulator.state.credentials.values()].some(
          (c) => c.credentialId === att.credentialId,
        ),
      ).toBe(false);
      expect(
        stack.events.find(
          (e) =>
            e.type === 'keyward.enrollment.failed' && e.data.enrollmentId === begun.enrollmentId,
        )?.data.retryable,
      ).toBe(false);
    } finally {
      await key.close();
    }
  });

  it('refuses a tampered attestation object', async () => {
    const key = await newSimKey(nextSerial());
    try {
      const begun = await begin();
      const att = await key.enroll(begun.publicKey, begun.origin);
      const bytes = Buffer.from(att.attestationObject, 'base64url');
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
      const r = await stack.call(identityRequests.enrollmentComplete, {
        enrollmentId: begun.enrollmentId,
        ...att,
        attestationObject: bytes.toString('base64url'),
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'ATTESTATION_INVALID' } });
      await expect(stack.deps.credentials.get(att.credentialId)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    } finally {
      await key.close();
    }
  });

  it('expires a half-done enrollment: complete after the deadline is final and registers nothing', async () => {
    const key = await newSimKey(nextSerial());
    try {
      const begun = await begin();
      const att = await key.enroll(begun.publicKey, begun.origin);
      const jump = new Date(begun.expiresAt).getTime() - stack.clock.now().getTime() + 1;
      stack.clock.advance(jump);
      const r = await stack.call(identityRequests.enrollmentComplete, {
        enrollmentId: begun.enrollmentId,
        ...att,
      });
      // Back to wall time: the emulators' challenge clocks are real time.
      stack.clock.advance(-jump);
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'ENROLLMENT_EXPIRED', details: { retryable: false } },
      });
      expect((await stack.deps.enrollments.get(begun.enrollmentId)).status).toBe('expired');
      expect(
        stack.events.some(
          (e) =>
            e.type === 'keyward.enrollment.expired' && e.data.enrollmentId === begun.enrollmentId,
        ),
      ).toBe(true);
      expect(
        [...idp.emulator.state.credentials.values()].some(
          (c) => c.credentialId === att.credentialId,
        ),
      ).toBe(false);
    } finally {
      await key.close();
    }
  });

  it('revokes a credential at the IdP once; a second revoke is a final conflict', async () => {
    const key = await newSimKey(nextSerial());
    try {
      const att = await enrolledForBob(key);
      const revoked = await stack.call(identityRequests.credentialRevoke, {
        serial: key.serial,
        reason: 'lost',
      });
      expect(revoked).toEqual({
        ok: true,
        data: { revoked: [{ credentialId: att.credentialId, idpId }] },
      });
      expect(
        [...idp.emulator.state.credentials.values()].some(
          (c) => c.credentialId === att.credentialId,
        ),
      ).toBe(false);
      expect(
        stack.events.some(
          (e) =>
            e.type === 'keyward.credential.revoked' && e.data.credentialId === att.credentialId,
        ),
      ).toBe(true);
      const twice = await stack.call(identityRequests.credentialRevoke, {
        credentialId: att.credentialId,
      });
      expect(twice).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', details: { retryable: false } },
      });
    } finally {
      await key.close();
    }
  });

  it('revokes once when many revokes of one credential race', async () => {
    const key = await newSimKey(nextSerial());
    try {
      const att = await enrolledForBob(key);
      const replies = await Promise.all(
        Array.from({ length: 8 }, () =>
          stack.call(identityRequests.credentialRevoke, { credentialId: att.credentialId }),
        ),
      );
      const outcomes = replies.map((r) => (r.ok ? 'ok' : r.error.code));
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
      for (const o of outcomes) expect(['ok', 'CONFLICT']).toContain(o);
      expect(
        stack.events.filter(
          (e) =>
            e.type === 'keyward.credential.revoked' && e.data.credentialId === att.credentialId,
        ),
      ).toHaveLength(1);
      expect(
        [...idp.emulator.state.credentials.values()].some(
          (c) => c.credentialId === att.credentialId,
        ),
      ).toBe(false);
    } finally {
      await key.close();
    }
  });

  it('keeps an enrollment completable after a 429 and registers on the retry', async () => {
    const key = await newSimKey(nextSerial());
    try {
      const begun = await begin();
      const att = await key.enroll(begun.publicKey, begun.origin);
      idp.emulator.state.faults.inject({ count: 3, status: 429, retryAfterSeconds: 2 });
      const limited = await stack.call(identityRequests.enrollmentComplete, {
        enrollmentId: begun.enrollmentId,
        ...att,
      });
      expect(limited).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED', details: { retryable: true, retryAfterMs: 2000 } },
      });
      expect((await stack.deps.enrollments.get(begun.enrollmentId)).status).toBe('options_stored');
      await expect(stack.deps.credentials.get(att.credentialId)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const retried = await stack.call(identityRequests.enrollmentComplete, {
        enrollmentId: begun.enrollmentId,
        ...att,
      });
      expect(retried).toMatchObject({ ok: true, data: { credentialId: att.credentialId } });
    } finally {
      await key.close();
    }
  });

  it('fails begin with a final IDP_AUTH_FAILED on a missing permission and stores nothing', async () => {
    const grants = new Set(idp.emulator.state.grants.get(idp.settings.clientId) ?? []);
    const readOnly =
      name === 'entra'
        ? ['User.Read.All']
        : name === 'okta'
          ? ['okta.users.read']
          : ['Identity Data Read Only'];
    idp.emulator.state.setGrants(idp.settings.clientId, readOnly);
    try {
      // A fresh connection: tokens already issued keep the scopes they were issued with.
      const fresh = await stack.http('/idps', {
        method: 'POST',
        body: { name: `${name}-readonly`, settings: idp.settings, secrets: idp.secrets },
      });
      const r = await stack.call(identityRequests.enrollmentBegin, {
        idpId: fresh.body.id,
        user: 'alice@example.com',
        deviceSerial: nextSerial(),
      });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'IDP_AUTH_FAILED', details: { retryable: false } },
      });
      expect(r.ok === false && r.error.details?.kind).toMatch(/MISSING_PERMISSION/);
    } finally {
      idp.emulator.state.setGrants(idp.settings.clientId, grants);
    }
  });

  it('fails begin with a final IDP_AUTH_FAILED when the IdP refuses our credentials', async () => {
    const bad =
      name === 'okta'
        ? {
            privateKeyPem: await import('jose').then(async (j) =>
              j.exportPKCS8((await j.generateKeyPair('RS256', { extractable: true })).privateKey),
            ),
          }
        : { clientSecret: 'rotated-elsewhere' };
    const other = await stack.http('/idps', {
      method: 'POST',
      body: { name: `${name}-badcreds`, settings: idp.settings, secrets: bad },
    });
    const r = await stack.call(identityRequests.enrollmentBegin, {
      idpId: other.body.id,
      user: 'alice@example.com',
      deviceSerial: nextSerial(),
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'IDP_AUTH_FAILED', details: { kind: 'BAD_CREDENTIALS', retryable: false } },
    });
    const test = await stack.http(`/idps/${other.body.id}/test`, { method: 'POST' });
    expect(test.body).toMatchObject({ ok: false, step: 'token', kind: 'BAD_CREDENTIALS' });
  });
});

describe('enrollment notifications and sweeping', () => {
  /** Begins an enrollment for bob with a fresh sim key and attests it on the key. */
  async function attestedForBob(idpId: string, extra: { notifyUser?: boolean } = {}) {
    const key = await newSimKey(nextSerial());
    try {
      const begun = await beginAt(idpId, 'bob@example.com', key.serial, extra);
      const att = await key.enroll(begun.publicKey, begun.origin);
      return { serial: key.serial, enrollmentId: begun.enrollmentId, att };
    } finally {
      await key.close();
    }
  }

  it('ends each enrollment either registered or expired when the sweep races its complete', async () => {
    const idp = await EMULATORS.entra();
    try {
      const created = await stack.http('/idps', {
        method: 'POST',
        body: { name: 'sweep-race', settings: idp.settings, secrets: idp.secrets },
      });
      const pending: Awaited<ReturnType<typeof attestedForBob>>[] = [];
      for (let i = 0; i < 4; i += 1) pending.push(await attestedForBob(created.body.id));
      // The completes (service clock) run just before the deadline, the sweeps just after it:
      // a skew of seconds, as between two replicas, well inside the completion lease. (A skew
      // beyond the lease would rightly let a sweep take over a lock it must treat as abandoned.)
      const deadlines = await Promise.all(
        pending.map(async (p) =>
          (await stack.deps.enrollments.get(p.enrollmentId)).expiresAt.getTime(),
        ),
      );
      const jump = Math.min(...deadlines) - 2_000 - stack.clock.now().getTime();
      const afterDeadline = new Date(Math.max(...deadlines) + 2_000);
      expect(afterDeadline.getTime() - (stack.clock.now().getTime() + jump)).toBeLessThan(
        COMPLETING_LEASE_MS,
      );
      const { expireEnrollments } = await import('../src/usecases/expireEnrollments.ts');
      stack.clock.advance(jump);
      try {
        await Promise.all([
          ...pending.map((p) =>
            stack.call(identityRequests.enrollmentComplete, {
              enrollmentId: p.enrollmentId,
              ...p.att,
            }),
          ),
          expireEnrollments({ ...stack.deps, clock: () => afterDeadline }),
          expireEnrollments({ ...stack.deps, clock: () => afterDeadline }),
        ]);
      } finally {
        // Back to wall time: the emulators' challenge clocks are real time.
        stack.clock.advance(-jump);
      }
      for (const p of pending) {
        const status = (await stack.deps.enrollments.get(p.enrollmentId)).status;
        const atIdp = [...idp.emulator.state.credentials.values()].filter(
          (c) => c.credentialId === p.att.credentialId,
        ).length;
        const events = (type: string) =>
          stack.events.filter((e) => e.type === type && e.data.enrollmentId === p.enrollmentId)
            .length;
        const completed = events('keyward.enrollment.completed');
        const expired = events('keyward.enrollment.expired');
        // Never registered-but-expired, never both announced.
        expect(['registered/1/1/0', 'expired/0/0/1']).toContain(
          `${status}/${atIdp}/${completed}/${expired}`,
        );
      }
    } finally {
      await idp.stop();
    }
  });

  it('does not mail the user when the enrollment was begun with notifyUser: false', async () => {
    const idp = await EMULATORS.entra();
    try {
      const created = await stack.http('/idps', {
        method: 'POST',
        body: { name: 'quiet-test', settings: idp.settings, secrets: idp.secrets },
      });
      const { serial, enrollmentId, att } = await attestedForBob(created.body.id, {
        notifyUser: false,
      });
      const before = stack.smtp.messages.length;
      const done = await stack.call(identityRequests.enrollmentComplete, { enrollmentId, ...att });
      expect(done.ok).toBe(true);
      expect((await stack.deps.enrollments.get(enrollmentId)).status).toBe('registered');
      expect(
        stack.smtp.messages
          .slice(before)
          .map((m) => m.raw)
          .join('\n'),
      ).not.toContain(serial);
    } finally {
      await idp.stop();
    }
  });

  it('mails the user after a successful enrollment and expires stale enrollments on sweep', async () => {
    const idp = await EMULATORS.entra();
    try {
      const created = await stack.http('/idps', {
        method: 'POST',
        body: { name: 'mail-test', settings: idp.settings, secrets: idp.secrets },
      });
      const { serial, enrollmentId, att } = await attestedForBob(created.body.id);
      const before = stack.smtp.messages.length;
      expect(
        (
          await stack.call(identityRequests.enrollmentComplete, {
            enrollmentId,
            ...att,
          })
        ).ok,
      ).toBe(true);
      const mail = stack.smtp.messages.slice(before).find((m) => m.to.includes('bob@example.com'));
      expect(mail?.raw).toContain(serial);
      const stale = await stack.call(identityRequests.enrollmentBegin, {
        idpId: created.body.id,
        user: 'alice@example.com',
        deviceSerial: nextSerial(),
      });
      if (!stale.ok) throw new Error(stale.error.message);
      stack.clock.advance(11 * 60_000);
      const { expireEnrollments } = await import('../src/usecases/expireEnrollments.ts');
      expect(await expireEnrollments(stack.deps)).toBeGreaterThanOrEqual(1);
      stack.clock.advance(-11 * 60_000);
      expect((await stack.deps.enrollments.get(stale.data.enrollmentId)).status).toBe('expired');
    } finally {
      await idp.stop();
    }
  });
});
