import {
  type CreationOptions,
  type ErrorBody,
  KeywardError,
  type UserRef,
} from '@keyward/contracts';

/**
 * The enrollment saga (issue 7): begin → options_stored → (complete) completing → registered.
 * Off-ramps: failed (final provider refusal), expired (challenge timed out), cancelled.
 * A retryable provider failure during completing returns to options_stored.
 */
export const ENROLLMENT_STATUSES = [
  'options_stored',
  'completing',
  'registered',
  'failed',
  'expired',
  'cancelled',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export interface Enrollment {
  id: string;
  idpId: string;
  user: UserRef;
  serial: string;
  aaguid?: string;
  gatewayId?: string;
  status: EnrollmentStatus;
  publicKey: CreationOptions;
  origin: string;
  providerState: Record<string, string>;
  createdAt: Date;
  expiresAt: Date;
  /** Set while a complete call talks to the IdP (a lease against double registration). */
  completingSince?: Date;
  credentialId?: string;
  idpCredentialId?: string;
  error?: ErrorBody;
  /** false: the admin asked not to mail the user about this enrollment. */
  notifyUser?: boolean;
}

/** How long a completing lease protects a registration in flight. */
export const COMPLETING_LEASE_MS = 60_000;

/** The enrollment's expiry: ours (ttl), shortened to the IdP's challenge expiry when earlier. */
export function enrollmentExpiry(now: Date, ttlMs: number, idpExpiresAt?: Date): Date {
  const ours = now.getTime() + ttlMs;
  return new Date(idpExpiresAt ? Math.min(ours, idpExpiresAt.getTime()) : ours);
}

export type CompleteDecision =
  | { action: 'register' }
  | { action: 'replay'; credentialId: string; idpCredentialId: string }
  | { action: 'expire' }
  | { action: 'reject'; error: KeywardError };

/**
 * What to do with a complete request, from the stored enrollment alone. Completing twice with
 * the same credential replays the first result (registered once); anything else is explained.
 */
export function decideComplete(e: Enrollment, credentialId: string, now: Date): CompleteDecision {
  const ref = { enrollmentId: e.id, status: e.status };
  switch (e.status) {
    case 'registered':
      if (e.credentialId === credentialId && e.idpCredentialId) {
        return { action: 'replay', credentialId, idpCredentialId: e.idpCredentialId };
      }
      return {
        action: 'reject',
        error: new KeywardError(
          'CONFLICT',
          `enrollment ${e.id} already registered a different credential`,
          { details: { ...ref, retryable: false } },
        ),
      };
    case 'completing':
      if (e.completingSince && now.getTime() - e.completingSince.getTime() < COMPLETING_LEASE_MS) {
        return {
          action: 'reject',
          error: new KeywardError(
            'CONFLICT',
            `enrollment ${e.id} is being completed by another request; retry shortly`,
            { details: { ...ref, retryable: true } },
          ),
        };
      }
      break;
    case 'failed':
      return {
        action: 'reject',
        error: new KeywardError(
          'CONFLICT',
          `enrollment ${e.id} failed: ${e.error?.message ?? 'refused by the IdP'}; begin a new enrollment`,
          { details: { ...ref, retryable: false, ...(e.error ? { cause: e.error.code } : {}) } },
        ),
      };
    case 'expired':
      return {
        action: 'reject',
        error: new KeywardError(
          'ENROLLMENT_EXPIRED',
          `enrollment ${e.id} expired at ${e.expiresAt.toISOString()}; begin a new enrollment`,
          { details: { ...ref, retryable: false } },
        ),
      };
    case 'cancelled':
      return {
        action: 'reject',
        error: new KeywardError(
          'CONFLICT',
          `enrollment ${e.id} was cancelled; begin a new enrollment`,
          { details: { ...ref, retryable: false } },
        ),
      };
    case 'options_stored':
      break;
  }
  if (now.getTime() >= e.expiresAt.getTime()) return { action: 'expire' };
  return { action: 'register' };
}

/** Whether a cancel request may act (only half-done enrollments). */
export function canCancel(e: Enrollment): boolean {
  return e.status === 'options_stored' || e.status === 'completing';
}
