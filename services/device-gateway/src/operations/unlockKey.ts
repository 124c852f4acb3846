import { deviceEvents, KeywardError, policyRequests } from '@keyward/contracts';
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
 * Physical unlock of a PIN-blocked enterprise key (issue 5 "Unlock"), in two phases (issue 19):
 *
 * 1. `stagePin`: pin.store `pending` — the policy service checks a chosen PIN against the key's
 *    policy or generates one from its rules, and seals it beside the vaulted PIN, which stays
 *    the one in effect.
 * 2. `adminUnlock` / `remoteUnlock` sets it on the key.
 * 3. `commitPin`: pin.settle `commit` once the key took it. When the key refused it (a wrong
 *    admin PIN) pin.settle `abort` instead: the vault keeps the PIN the key still has, so no
 *    later use of the vaulted PIN burns the key's retries.
 *
 * Staging rather than "unlock first, store after": the PIN is sealed before the key has it, so
 * a crash between 2 and 3 does not lose it — it stays sealed in the vault as the staged PIN until
 * a later unlock or configure replaces it. If the commit itself fails, the key is unlocked all
 * the same: the result says `pinVaulted: false` and a waiting administrator sees the PIN once,
 * to note it or unlock the key again.
 */
export function unlockKey(core: Omit<GatewayCore, 'sessions'>, options: UnlockKeyOptions): KeyTask {
  const { newPin, revealNewPin } = options;
  return async (ctx) => {
    const { device, session } = ctx;
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
      ctx.step('stagePin', 'start');
      const staged = await storePins(core.vault, {
        serial: facts.serial,
        aaguid: facts.aaguid,
        gatewayId: core.gatewayId,
        ...(newPin ? { userPin: newPin } : { generateUserPin: true }),
        ...(facts.info.minPinLength ? { minPinLength: facts.info.minPinLength } : {}),
        pending: true,
        actor: session.actor,
        token: options.token,
      });
      if (!staged.ok)
        throw new KeywardError(staged.error.code, `PIN vault: ${staged.error.message}`);
      const pin = newPin ?? staged.data.userPin;
      if (!pin)
        throw new KeywardError('UPSTREAM_FAILED', 'PIN vault: no generated PIN in the reply');
      ctx.step('stagePin', 'done');
      const settle = (outcome: 'commit' | 'abort') =>
        core.requester.request(
          policyRequests.pinSettle,
          { serial: facts.serial, outcome, gatewayId: core.gatewayId },
          { actor: session.actor },
        );
      try {
        await setPinOnKey(core, ctx, options, pin);
      } catch (error) {
        // Should the abort fail too, the vaulted PIN is still the key's: a stage replaces nothing.
        await settle('abort').catch(() => undefined);
        throw error;
      }
      ctx.step('commitPin', 'start');
      const committed = await settle('commit').then(
        (reply) => reply.ok,
        () => false,
      );
      if (committed) ctx.step('commitPin', 'done');
      else
        core.logger.error(
          { serial: facts.serial, sessionId: session.id },
          'unlocked key: the PIN vault did not commit the new PIN; it stays staged there',
        );
      revealNewPin?.(pin);
      await core.registry.refresh(device.key.id).catch(() => undefined);
      await core.events.publish(deviceEvents.unlocked, {
        actor: session.actor,
        subject: facts.serial,
        data: { ...ref, sessionId: session.id, method: options.method, newPinSource },
      });
      return { unlocked: true, newPinSource, ...(committed ? {} : { pinVaulted: false }) };
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

/** Step 2: the new PIN onto the key, authorised by the admin PIN or the policy's response. */
async function setPinOnKey(
  core: Omit<GatewayCore, 'sessions'>,
  ctx: Parameters<KeyTask>[0],
  options: UnlockKeyOptions,
  pin: string,
): Promise<void> {
  const { device, session, signal } = ctx;
  const { serial } = device.facts;
  if (options.method === 'admin-pin') {
    ctx.step('adminUnlock', 'start');
    await core.ops.adminUnlock(device.key, { adminPin: options.adminPin, newPin: pin, signal });
    ctx.step('adminUnlock', 'done');
    return;
  }
  ctx.step('remoteUnlock', 'start');
  await core.ops.remoteUnlock(device.key, {
    newPin: pin,
    signal,
    respond: async (challenge) => {
      const reply = await unlockResponse(core.vault, {
        serial,
        challenge,
        gatewayId: core.gatewayId,
        actor: session.actor,
        token: options.token,
      });
      if (!reply.ok)
        throw new KeywardError(reply.error.code, `remote unlock: ${reply.error.message}`);
      return reply.data;
    },
  });
  ctx.step('remoteUnlock', 'done');
}
