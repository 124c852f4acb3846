import { deviceEvents, KeywardError } from '@keyward/contracts';
import { storePins, unlockResponse } from '../bus/policyPins.ts';
import { keyKind } from '../domain/deviceFacts.ts';
import type { GatewayCore } from './gatewayCore.ts';
import type { KeyTask } from './sessionManager.ts';
import { toKeywardError } from './toKeywardError.ts';

export type UnlockKeyOptions = (
  | { method: 'admin-pin'; adminPin: string }
  /** Challenge/response through the policy service, which holds the key's unlock secret. */
  | { method: 'remote' }
) & {
  /**
   * The administrator's bearer token: the policy service stores the new PIN and answers the
   * challenge only on a verified administrator's behalf (device:unlock). Kept for this task only.
   */
  token: string;
  /** A chosen new user PIN; absent = the policy service generates one from the key's policy. */
  newPin?: string;
  /**
   * Receives the new user PIN once the key has taken it, for the REST caller waiting on this
   * unlock. The PIN never goes into the task's result, the key run, the journal or an event.
   */
  revealNewPin?: (pin: string) => void;
};

/**
 * Physical unlock of a PIN-blocked enterprise key (issue 5 "Unlock"): the new user PIN is
 * first sealed in the policy service's vault, which checks a chosen PIN against the key's policy
 * or generates one from its rules, then set on the key with the admin PIN. Sealing first means
 * a failure never leaves a key with a PIN nobody knows; re-running the unlock repairs a vault
 * ahead of the key.
 */
export function unlockKey(core: Omit<GatewayCore, 'sessions'>, options: UnlockKeyOptions): KeyTask {
  const { newPin, revealNewPin, token } = options;
  return async (ctx) => {
    const { device, session, signal } = ctx;
    const { facts } = device;
    const ref = {
      gatewayId: core.gatewayId,
      deviceId: device.key.id,
      serial: facts.serial,
      aaguid: facts.aaguid,
    };
    const newPinSource = newPin ? ('chosen' as const) : ('generated' as const);
    try {
      if (keyKind(facts) !== 'enterprise') {
        throw new KeywardError(
          'UNSUPPORTED',
          `device ${facts.serial} is a standard key without an admin PIN; only a reset recovers it`,
        );
      }
      ctx.step('storePin', 'start');
      const stored = await storePins(core.vault, {
        serial: facts.serial,
        aaguid: facts.aaguid,
        gatewayId: core.gatewayId,
        ...(newPin ? { userPin: newPin } : { generateUserPin: true }),
        ...(facts.info.minPinLength ? { minPinLength: facts.info.minPinLength } : {}),
        actor: session.actor,
        token,
      });
      if (!stored.ok)
        throw new KeywardError(stored.error.code, `PIN vault: ${stored.error.message}`);
      const pin = newPin ?? stored.data.userPin;
      if (!pin)
        throw new KeywardError('UPSTREAM_FAILED', 'PIN vault: no generated PIN in the reply');
      ctx.step('storePin', 'done');
      if (options.method === 'admin-pin') {
        ctx.step('adminUnlock', 'start');
        await core.ops.adminUnlock(device.key, { adminPin: options.adminPin, newPin: pin, signal });
        ctx.step('adminUnlock', 'done');
      } else {
        ctx.step('remoteUnlock', 'start');
        await core.ops.remoteUnlock(device.key, {
          newPin: pin,
          signal,
          respond: async (challenge) => {
            const reply = await unlockResponse(core.vault, {
              serial: facts.serial,
              challenge,
              gatewayId: core.gatewayId,
              actor: session.actor,
              token,
            });
            if (!reply.ok)
              throw new KeywardError(reply.error.code, `remote unlock: ${reply.error.message}`);
            return reply.data;
          },
        });
        ctx.step('remoteUnlock', 'done');
      }
      revealNewPin?.(pin);
      await core.registry.refresh(device.key.id).catch(() => undefined);
      await core.events.publish(deviceEvents.unlocked, {
        actor: session.actor,
        subject: facts.serial,
        data: { ...ref, sessionId: session.id, method: options.method, newPinSource },
      });
      return { unlocked: true, newPinSource };
    } catch (error) {
      const e = toKeywardError(error);
      // A wrong PIN cost the key a retry: re-read before replying, so a ?wait=true caller that
      // looks at the key next sees the count it has now (the refresh on session close is async).
      await core.registry.refresh(device.key.id).catch(() => undefined);
      await core.events
        .publish(deviceEvents.unlockFailed, {
          actor: session.actor,
          subject: facts.serial,
          data: {
            ...ref,
            sessionId: session.id,
            method: options.method,
            error: { code: e.code, message: e.message },
          },
        })
        .catch(() => undefined);
      throw e;
    }
  };
}
