import {
  identityEvents,
  isKeywardError,
  KeywardError,
  toErrorBody,
  type UserRef,
} from '@keyward/contracts';
import { isRetryable } from '../domain/connection/idpError.ts';
import {
  COMPLETING_LEASE_MS,
  decideComplete,
  type Enrollment,
} from '../domain/enrollment/enrollment.ts';
import type { AttestedCredential } from '../idp/connector.ts';
import { ref } from './beginEnrollment.ts';
import type { IdentityDeps } from './deps.ts';
import { expireOne } from './expireEnrollments.ts';

export interface CompleteEnrollmentInput extends AttestedCredential {
  enrollmentId: string;
}

export interface CompleteEnrollmentResult {
  credentialId: string;
  idpCredentialId: string;
  user: UserRef;
}

/**
 * Saga step 2: register the attested passkey at the IdP. Idempotent (the same credential twice
 * registers once and replays the result); one caller at a time (an atomic claim); a retryable
 * provider failure leaves the enrollment completable, a final one marks it failed; either way
 * no credential row exists unless the IdP accepted it.
 */
export async function completeEnrollment(
  deps: IdentityDeps,
  input: CompleteEnrollmentInput,
  actor: string,
): Promise<CompleteEnrollmentResult> {
  const now = deps.clock();
  const e = await deps.enrollments.get(input.enrollmentId);
  const decision = decideComplete(e, input.credentialId, now);
  if (decision.action === 'replay') {
    // A crash between "registered" and the credential row is healed by the replay.
    await recordCredential(deps, e, decision.idpCredentialId, input.credentialId);
    return {
      credentialId: decision.credentialId,
      idpCredentialId: decision.idpCredentialId,
      user: e.user,
    };
  }
  if (decision.action === 'reject') throw decision.error;
  if (decision.action === 'expire') {
    await expireOne(deps, e, actor);
    throw new KeywardError(
      'ENROLLMENT_EXPIRED',
      `enrollment ${e.id} expired at ${e.expiresAt.toISOString()}; begin a new enrollment`,
      { details: { enrollmentId: e.id, retryable: false } },
    );
  }
  if (!(await deps.enrollments.claim(e.id, now, new Date(now.getTime() - COMPLETING_LEASE_MS)))) {
    const again = decideComplete(await deps.enrollments.get(e.id), input.credentialId, now);
    if (again.action === 'replay')
      return {
        credentialId: again.credentialId,
        idpCredentialId: again.idpCredentialId,
        user: e.user,
      };
    throw again.action === 'reject'
      ? again.error
      : new KeywardError(
          'CONFLICT',
          `enrollment ${e.id} is being completed by another request; retry shortly`,
          { details: { retryable: true } },
        );
  }

  let idpCredentialId: string;
  try {
    const connector = await deps.connectorFor(e.idpId);
    ({ idpCredentialId } = await connector.completeRegistration({
      user: e.user,
      providerState: e.providerState,
      credential: input,
    }));
  } catch (err) {
    await recordFailure(deps, e, err, actor);
    await deps.enrollments.release(e.id);
    throw err;
  }

  await deps.enrollments.transition(
    e.id,
    ['completing'],
    'registered',
    { credentialId: input.credentialId, idpCredentialId },
    ['completingSince'],
  );
  await deps.enrollments.release(e.id);
  await recordCredential(deps, e, idpCredentialId, input.credentialId);
  await deps.events.publish(identityEvents.enrollmentCompleted, {
    actor,
    subject: e.serial,
    data: { ...ref(e), credentialId: input.credentialId, idpCredentialId },
  });
  await notify(deps, e);
  return { credentialId: input.credentialId, idpCredentialId, user: e.user };
}

async function recordCredential(
  deps: IdentityDeps,
  e: Enrollment,
  idpCredentialId: string,
  credentialId: string,
) {
  await deps.credentials.record({
    credentialId,
    idpId: e.idpId,
    user: e.user,
    serial: e.serial,
    ...(e.aaguid ? { aaguid: e.aaguid } : {}),
    idpCredentialId,
    enrollmentId: e.id,
    registeredAt: deps.clock(),
  });
}

async function recordFailure(deps: IdentityDeps, e: Enrollment, err: unknown, actor: string) {
  const retryable = isRetryable(err);
  const error = toErrorBody(err);
  if (retryable) {
    // Nothing happened at the IdP that we know of: the same challenge may be completed again.
    await deps.enrollments.transition(e.id, ['completing'], 'options_stored', {}, [
      'completingSince',
    ]);
  } else {
    await deps.enrollments.transition(e.id, ['completing'], 'failed', { error: { ...error } }, [
      'completingSince',
    ]);
  }
  if (!isKeywardError(err))
    deps.logger.error({ err, enrollmentId: e.id }, 'enrollment completion failed unexpectedly');
  await deps.events.publish(identityEvents.enrollmentFailed, {
    actor,
    subject: e.serial,
    data: { ...ref(e), error, retryable },
  });
}

async function notify(deps: IdentityDeps, e: Enrollment) {
  if (e.notifyUser === false) return;
  if (!deps.notifier) {
    if (e.notifyUser)
      deps.logger.warn({ enrollmentId: e.id }, 'notifyUser was asked but SMTP_URL is not set');
    return;
  }
  try {
    const idp = await deps.idps.get(e.idpId);
    await deps.notifier.enrolled({
      user: e.user,
      serial: e.serial,
      idpName: idp.name,
      at: deps.clock(),
    });
  } catch (err) {
    deps.logger.warn({ err, enrollmentId: e.id }, 'enrollment e-mail not sent');
  }
}
