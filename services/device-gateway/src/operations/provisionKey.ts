import { KeywardError } from '@keyward/contracts';
import { configureKey } from './configureKey.ts';
import { enrollKey } from './enrollKey.ts';
import type { GatewayCore } from './gatewayCore.ts';
import { readUserPin } from './readUserPin.ts';
import type { KeyTask } from './sessionManager.ts';
import { toKeywardError } from './toKeywardError.ts';

export interface ProvisionKeyOptions {
  policyId: string;
  user: string;
  idpId?: string;
  notifyUser?: boolean;
  /** The REST caller's bearer token (configure-and-assign); absent for a bus-triggered run. */
  token?: string | undefined;
}

/**
 * Configure to the policy, then enroll for the user — one lease, one session, one key run
 * (REST configure-and-assign, the printer's keyward.gateway.<id>.provision). A failure after
 * the configuration leaves a CONFIGURED key, which a later assign takes as it is; the error
 * says so, keeping the enrollment's code.
 */
export function provisionKey(
  core: Omit<GatewayCore, 'sessions'>,
  options: ProvisionKeyOptions,
): KeyTask {
  const { policyId, user, idpId, notifyUser, token } = options;
  return async (ctx) => {
    const configured = (await configureKey(core, { policyId })(ctx)) as {
      policy: { id: string; version: number; name: string };
    };
    const serial = ctx.device.facts.serial;
    try {
      // In the session's actor (the REST caller or the requesting service), so the audited
      // pin.read names who asked.
      const pin = await readUserPin(core, { serial, actor: ctx.session.actor, token });
      const assigned = await enrollKey(core, {
        user,
        ...(idpId ? { idpId } : {}),
        ...(notifyUser !== undefined ? { notifyUser } : {}),
        ...(pin ? { pin } : {}),
      })(ctx);
      return { configured, assigned };
    } catch (error) {
      const e = toKeywardError(error);
      throw new KeywardError(
        e.code,
        `${serial} was configured to policy "${configured.policy.name}" but not assigned: ${e.message}; it stays CONFIGURED and can be assigned again`,
        {
          cause: error,
          details: { ...e.details, serial, configured: true, policyId, retry: 'assign' },
        },
      );
    }
  };
}
