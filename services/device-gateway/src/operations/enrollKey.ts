import { deviceEvents, identityRequests, KeywardError } from '@keyward/contracts';
import type { GatewayCore } from './gatewayCore.ts';
import type { KeyTask } from './sessionManager.ts';
import { toKeywardError } from './toKeywardError.ts';

export interface EnrollKeyOptions {
  user: string;
  idpId?: string;
  /** The key's user PIN, read from the vault for this operation only. */
  pin?: string;
  /** Passed to the identity service: mail the user once registered (absent = its default). */
  notifyUser?: boolean;
}

/**
 * Assign / enroll (issue 5 "Assign / enroll"): begin the enrollment at the identity service,
 * makeCredential on the key (the client sees "touch your key" while it waits for presence),
 * complete the registration at the IdP. On failure the enrollment is cancelled, so the key and
 * the IdP are left as before and the operation can be retried.
 */
export function enrollKey(core: Omit<GatewayCore, 'sessions'>, options: EnrollKeyOptions): KeyTask {
  const { user, idpId, pin, notifyUser } = options;
  return async (ctx) => {
    const { device, session, signal } = ctx;
    const actor = session.actor;
    const ref = {
      gatewayId: core.gatewayId,
      deviceId: device.key.id,
      serial: device.facts.serial,
      aaguid: device.facts.aaguid,
    };
    ctx.annotate({ user });
    let enrollmentId: string | undefined;
    try {
      ctx.step('begin', 'start');
      const begin = await core.requester.request(
        identityRequests.enrollmentBegin,
        {
          user,
          deviceSerial: ref.serial,
          aaguid: ref.aaguid,
          gatewayId: core.gatewayId,
          ...(idpId ? { idpId } : {}),
          ...(notifyUser !== undefined ? { notifyUser } : {}),
        },
        { actor },
      );
      if (!begin.ok)
        throw new KeywardError(begin.error.code, `identity service: ${begin.error.message}`);
      enrollmentId = begin.data.enrollmentId;
      ctx.step('begin', 'done');
      ctx.step('makeCredential', 'start');
      const made = await core.ops.makeCredential(device.key, {
        publicKey: begin.data.publicKey,
        origin: begin.data.origin,
        ...(pin ? { pin } : {}),
        signal,
        onTouchNeeded: () => ctx.wait('touch'),
      });
      ctx.step('makeCredential', 'done');
      ctx.step('complete', 'start');
      const done = await core.requester.request(
        identityRequests.enrollmentComplete,
        {
          enrollmentId,
          credentialId: made.credentialId,
          attestationObject: made.attestationObject,
          clientDataJSON: made.clientDataJSON,
          ...(made.transports ? { transports: made.transports } : {}),
        },
        { actor, timeoutMs: 30_000 },
      );
      if (!done.ok)
        throw new KeywardError(done.error.code, `identity service: ${done.error.message}`);
      ctx.step('complete', 'done');
      await core.events.publish(deviceEvents.enrolled, {
        actor,
        subject: ref.serial,
        data: {
          ...ref,
          sessionId: session.id,
          idpId: begin.data.idpId,
          user: done.data.user,
          enrollmentId,
          credentialId: made.credentialId,
          idpCredentialId: done.data.idpCredentialId,
        },
      });
      return {
        enrollmentId,
        idpId: begin.data.idpId,
        credentialId: made.credentialId,
        idpCredentialId: done.data.idpCredentialId,
        user: done.data.user,
      };
    } catch (error) {
      const e = toKeywardError(error);
      if (enrollmentId) {
        await core.requester
          .request(identityRequests.enrollmentCancel, { enrollmentId, reason: e.code }, { actor })
          .catch(() => undefined);
      }
      await core.events
        .publish(deviceEvents.enrollFailed, {
          actor,
          subject: ref.serial,
          data: {
            ...ref,
            sessionId: session.id,
            ...(idpId ? { idpId } : {}),
            user: { id: user },
            ...(enrollmentId ? { enrollmentId } : {}),
            error: { code: e.code, message: e.message },
            retryable: true,
          },
        })
        .catch(() => undefined);
      throw e;
    }
  };
}
