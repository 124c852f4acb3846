import { deviceEvents, KeywardError } from '@keyward/contracts';
import { keyKind } from '../domain/deviceFacts.ts';
import type { GatewayCore } from './gatewayCore.ts';
import type { KeyTask } from './sessionManager.ts';
import { toKeywardError } from './toKeywardError.ts';

/** How long the operator has to pull the key out and put it back. */
export const REINSERT_TIMEOUT_MS = 60_000;

/**
 * Reset (issue 5 "Reset"): authenticatorReset is only accepted within 10 s of power-up
 * (CTAP 2.1 §6.6), so the client is told to remove and reinsert the key; the same key is
 * recognised by its serial when it comes back, reset is sent at once, and the key waits for a
 * touch. Managed (enterprise) keys first require the admin PIN, proven on the key before the
 * reinsert. A miss fails clearly and can be retried; the lease (by serial) is held across the
 * reinsert.
 */
export function resetKey(
  core: Omit<GatewayCore, 'sessions'>,
  options: { adminPin?: string; reinsertTimeoutMs?: number },
): KeyTask {
  const { adminPin, reinsertTimeoutMs = REINSERT_TIMEOUT_MS } = options;
  return async (ctx) => {
    const { device, session, signal } = ctx;
    const serial = device.facts.serial;
    const ref = {
      gatewayId: core.gatewayId,
      deviceId: device.key.id,
      serial,
      aaguid: device.facts.aaguid,
    };
    try {
      const managed = keyKind(device.facts) === 'enterprise';
      if (managed && !adminPin) {
        throw new KeywardError(
          'VALIDATION_FAILED',
          'body.adminPin: a managed (enterprise) key requires the admin PIN to be reset',
          {
            details: { field: 'adminPin' },
          },
        );
      }
      // The key proves the admin PIN before the user is asked to re-insert it: a wrong one fails
      // here (CTAP2_ERR_PIN_INVALID, one admin retry gone) and nothing is reset. A managed key
      // without an admin PIN yet has none to prove.
      const verify = managed && device.facts.adminPin?.set === true;
      const back = await core.ops.reset(device.key, {
        ...(verify && adminPin ? { adminPin } : {}),
        signal,
        onTouchNeeded: () => ctx.wait('touch'),
        waitForReinsert: async () => {
          ctx.step('reinsert', 'start');
          ctx.wait('reinsert');
          const reinserted = await core.registry.waitForSerial(serial, {
            timeoutMs: reinsertTimeoutMs,
            signal,
          });
          ctx.step('reinsert', 'done');
          ctx.step('reset', 'start');
          return reinserted.key;
        },
      });
      ctx.step('reset', 'done');
      await core.registry.refresh(back.id).catch(() => undefined);
      await core.events.publish(deviceEvents.reset, {
        actor: session.actor,
        subject: serial,
        data: { ...ref, deviceId: back.id, sessionId: session.id },
      });
      return { status: 'NOT_CONFIGURED' as const };
    } catch (error) {
      const e = toKeywardError(error);
      // A wrong PIN cost the key a retry: re-read before replying, so a ?wait=true caller that
      // looks at the key next sees the count it has now (the refresh on session close is async).
      await core.registry.refresh(device.key.id).catch(() => undefined);
      await core.events
        .publish(deviceEvents.resetFailed, {
          actor: session.actor,
          subject: serial,
          data: {
            ...ref,
            sessionId: session.id,
            error: { code: e.code, message: e.message },
            retryable: true,
          },
        })
        .catch(() => undefined);
      throw e;
    }
  };
}
