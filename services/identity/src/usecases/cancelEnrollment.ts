import { identityEvents } from '@keyward/contracts';
import { canCancel } from '../domain/enrollment/enrollment.ts';
import { ref } from './beginEnrollment.ts';
import type { IdentityDeps } from './deps.ts';

/** Abandons a half-done enrollment; a finished one is left alone (`cancelled: false`). */
export async function cancelEnrollment(
  deps: IdentityDeps,
  input: { enrollmentId: string; reason?: string },
  actor: string,
): Promise<{ cancelled: boolean }> {
  const e = await deps.enrollments.get(input.enrollmentId);
  if (!canCancel(e)) return { cancelled: false };
  if (!(await deps.enrollments.transition(e.id, ['options_stored'], 'cancelled')))
    return { cancelled: false };
  try {
    const connector = await deps.connectorFor(e.idpId);
    await connector.cancelRegistration({ user: e.user, providerState: e.providerState });
  } catch (err) {
    deps.logger.warn(
      { err, enrollmentId: e.id },
      'could not discard the pending registration at the IdP',
    );
  }
  await deps.events.publish(identityEvents.enrollmentCancelled, {
    actor,
    subject: e.serial,
    data: ref(e),
  });
  return { cancelled: true };
}
