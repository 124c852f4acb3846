import { identityEvents } from '@keyward/contracts';
import { COMPLETING_LEASE_MS, type Enrollment } from '../domain/enrollment/enrollment.ts';
import { ref } from './beginEnrollment.ts';
import type { IdentityDeps } from './deps.ts';

/** Expires one half-done enrollment: status, IdP clean-up (best effort), enrollment.expired. */
export async function expireOne(
  deps: IdentityDeps,
  e: Enrollment,
  actor: string,
): Promise<boolean> {
  const now = deps.clock();
  // Under the completion lock: an enrollment a complete is registering is never expired.
  if (!(await deps.enrollments.expire(e.id, now, new Date(now.getTime() - COMPLETING_LEASE_MS))))
    return false;
  try {
    const connector = await deps.connectorFor(e.idpId);
    await connector.cancelRegistration({ user: e.user, providerState: e.providerState });
  } catch (err) {
    deps.logger.warn(
      { err, enrollmentId: e.id },
      'could not discard the pending registration at the IdP',
    );
  }
  await deps.events.publish(identityEvents.enrollmentExpired, {
    actor,
    subject: e.serial,
    data: ref(e),
  });
  return true;
}

/** Sweeps every enrollment past its deadline; returns how many expired. main.ts runs it on a timer. */
export async function expireEnrollments(deps: IdentityDeps): Promise<number> {
  let count = 0;
  for (const e of await deps.enrollments.due(deps.clock())) {
    if (await expireOne(deps, e, 'service:identity')) count += 1;
  }
  return count;
}
