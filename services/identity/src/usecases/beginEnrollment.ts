import { randomUUID } from 'node:crypto';
import { type CreationOptions, identityEvents, type UserRef } from '@keyward/contracts';
import { enrollmentExpiry } from '../domain/enrollment/enrollment.ts';
import type { IdentityDeps } from './deps.ts';
import { resolveIdp } from './resolveIdp.ts';

export interface BeginEnrollmentInput {
  idpId?: string;
  user: string;
  deviceSerial: string;
  aaguid?: string;
  gatewayId?: string;
  notifyUser?: boolean;
}

export interface BeginEnrollmentResult {
  enrollmentId: string;
  idpId: string;
  user: UserRef;
  publicKey: CreationOptions;
  origin: string;
  expiresAt: string;
}

/**
 * Saga step 1: resolve the user at the IdP, get creation options, store them with the
 * enrollment (status options_stored), announce enrollment.started. A provider failure here stores
 * nothing.
 */
export async function beginEnrollment(
  deps: IdentityDeps,
  input: BeginEnrollmentInput,
  actor: string,
): Promise<BeginEnrollmentResult> {
  const idpId = await resolveIdp(deps, input.user, input.idpId);
  const connector = await deps.connectorFor(idpId);
  const user = await connector.getUser(input.user);
  const begun = await connector.beginRegistration({ user });
  const now = deps.clock();
  const enrollment = {
    id: randomUUID(),
    idpId,
    user,
    serial: input.deviceSerial,
    ...(input.aaguid ? { aaguid: input.aaguid } : {}),
    ...(input.gatewayId ? { gatewayId: input.gatewayId } : {}),
    status: 'options_stored' as const,
    publicKey: begun.publicKey,
    origin: begun.origin,
    providerState: begun.providerState,
    createdAt: now,
    expiresAt: enrollmentExpiry(now, deps.enrollmentTtlMs, begun.expiresAt),
    ...(input.notifyUser !== undefined ? { notifyUser: input.notifyUser } : {}),
  };
  await deps.enrollments.insert(enrollment, actor);
  await deps.events.publish(identityEvents.enrollmentStarted, {
    actor,
    subject: input.deviceSerial,
    data: { ...ref(enrollment), expiresAt: enrollment.expiresAt.toISOString() },
  });
  return {
    enrollmentId: enrollment.id,
    idpId,
    user,
    publicKey: begun.publicKey,
    origin: begun.origin,
    expiresAt: enrollment.expiresAt.toISOString(),
  };
}

/** The enrollment reference every enrollment event carries. */
export function ref(e: {
  id: string;
  idpId: string;
  user: UserRef;
  serial: string;
  aaguid?: string;
  gatewayId?: string;
}) {
  return {
    enrollmentId: e.id,
    idpId: e.idpId,
    user: e.user,
    serial: e.serial,
    ...(e.aaguid ? { aaguid: e.aaguid } : {}),
    ...(e.gatewayId ? { gatewayId: e.gatewayId } : {}),
  };
}
