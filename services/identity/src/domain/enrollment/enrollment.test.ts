import { describe, expect, it } from 'vitest';
import { decideComplete, type Enrollment, enrollmentExpiry } from './enrollment.ts';

const now = new Date('2026-03-01T12:00:00Z');
const base: Enrollment = {
  id: 'e1',
  idpId: 'idp1',
  user: { id: 'u1' },
  serial: 'S1',
  status: 'options_stored',
  publicKey: {
    rp: { id: 'rp', name: 'rp' },
    user: { id: 'dQ', name: 'u', displayName: 'U' },
    challenge: 'Y2g',
    pubKeyCredParams: [],
  },
  origin: 'https://rp',
  providerState: {},
  createdAt: now,
  expiresAt: new Date(now.getTime() + 60_000),
};

describe('enrollment saga decisions', () => {
  it('registers a live enrollment', () => {
    expect(decideComplete(base, 'c1', now)).toEqual({ action: 'register' });
  });

  it('replays the first result when the same credential completes twice', () => {
    const done = {
      ...base,
      status: 'registered' as const,
      credentialId: 'c1',
      idpCredentialId: 'm1',
    };
    expect(decideComplete(done, 'c1', now)).toEqual({
      action: 'replay',
      credentialId: 'c1',
      idpCredentialId: 'm1',
    });
    expect(decideComplete(done, 'c2', now)).toMatchObject({
      action: 'reject',
      error: { code: 'CONFLICT' },
    });
  });

  it('expires an enrollment completed after its deadline', () => {
    expect(decideComplete(base, 'c1', new Date(now.getTime() + 60_000))).toEqual({
      action: 'expire',
    });
    const expired = { ...base, status: 'expired' as const };
    expect(decideComplete(expired, 'c1', now)).toMatchObject({
      action: 'reject',
      error: { code: 'ENROLLMENT_EXPIRED' },
    });
  });

  it('holds off a concurrent complete while the lease is fresh, then lets it take over', () => {
    const busy = { ...base, status: 'completing' as const, completingSince: now };
    expect(decideComplete(busy, 'c1', now)).toMatchObject({
      action: 'reject',
      error: { details: { retryable: true } },
    });
    expect(decideComplete(busy, 'c1', new Date(now.getTime() + 61_000))).toEqual({
      action: 'expire',
    });
  });

  it('uses the earlier of our TTL and the IdP challenge expiry', () => {
    expect(enrollmentExpiry(now, 600_000, new Date(now.getTime() + 300_000))).toEqual(
      new Date(now.getTime() + 300_000),
    );
    expect(enrollmentExpiry(now, 60_000)).toEqual(new Date(now.getTime() + 60_000));
  });
});
