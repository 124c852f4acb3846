import { deviceEvents } from '@keyward/contracts';
import type { GatewayCore } from './gatewayCore.ts';
import type { KeyTask } from './sessionManager.ts';
import { toKeywardError } from './toKeywardError.ts';

/**
 * Functional test (issue 5): an assertion with the enrolled credential, or a throwaway one on
 * an unenrolled key, verified, with timings. A failed assertion is a result (`passed:false`),
 * and also fails the run so the report shows it.
 */
export function testKey(
  core: Omit<GatewayCore, 'sessions'>,
  options: { rpId: string; credentialId?: string; pin?: string; now?: () => number },
): KeyTask {
  const { rpId, credentialId, pin, now = () => performance.now() } = options;
  return async (ctx) => {
    const { device, session, signal } = ctx;
    const ref = {
      gatewayId: core.gatewayId,
      deviceId: device.key.id,
      serial: device.facts.serial,
      aaguid: device.facts.aaguid,
    };
    const started = now();
    ctx.step('getAssertion', 'start');
    try {
      const result = await core.ops.getAssertion(device.key, {
        rpId,
        ...(credentialId ? { credentialId } : {}),
        ...(pin ? { pin } : {}),
        signal,
        onTouchNeeded: () => ctx.wait('touch'),
      });
      const durationMs = Math.max(0, now() - started);
      ctx.step('getAssertion', 'done');
      await core.events.publish(deviceEvents.tested, {
        actor: session.actor,
        subject: ref.serial,
        data: {
          ...ref,
          sessionId: session.id,
          credentialId: result.credentialId,
          passed: result.verified,
          durationMs,
        },
      });
      if (!result.verified)
        throw toKeywardError({
          code: 'CTAP_ERROR',
          message: 'the assertion signature did not verify',
        });
      return {
        passed: true,
        credentialId: result.credentialId,
        userVerified: result.userVerified,
        durationMs,
      };
    } catch (error) {
      const e = toKeywardError(error);
      await core.events
        .publish(deviceEvents.tested, {
          actor: session.actor,
          subject: ref.serial,
          data: {
            ...ref,
            sessionId: session.id,
            passed: false,
            durationMs: Math.max(0, now() - started),
            error: { code: e.code, message: e.message },
          },
        })
        .catch(() => undefined);
      throw e;
    }
  };
}
