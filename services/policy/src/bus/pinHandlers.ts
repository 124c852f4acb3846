import { KeywardError, type Permission, policyRequests } from '@keyward/contracts';
import { handleRequest, type RequestContext } from '@keyward/service-kit';
import type { PolicyServiceDeps } from '../service/deps.ts';
import { checkPin } from '../service/pinCheck.ts';
import { PIN_READ_PERMISSION, readPins, storePins } from '../service/pins.ts';
import { issueUnlockResponse } from '../service/unlock.ts';
import {
  authenticate,
  type BusCallerDeps,
  callingService,
  requireAdministrator,
  resolveCaller,
} from './busCaller.ts';

export type PolicyBusDeps = PolicyServiceDeps & BusCallerDeps;

/**
 * Service calls (no administrator's token) are the gateway's automated runs: only a device
 * gateway (or the operator's tooling) may make them, as serveRequests proved the caller.
 */
export function assertGatewayService(ctx: RequestContext): void {
  const { role } = ctx.caller;
  if (role !== 'device-gateway' && role !== 'operator') {
    throw new KeywardError('FORBIDDEN', `${ctx.subject} without a token is for device gateways`, {
      details: { caller: callingService(ctx) },
    });
  }
}

/** keyward.policy.pin.read: PINs sealed to the reply key, for a verified administrator or use. */
export function pinReadHandler(deps: PolicyBusDeps) {
  const def = policyRequests.pinRead;
  return handleRequest(def, async (request, ctx) => {
    const { serial, which, purpose, authorization, replyKey, gatewayId } = request;
    const claims = { authorization, serial, replyKey };
    let actor: string;
    let permissions: Permission[];
    if (purpose === 'view') {
      const needed = which === 'admin' ? PIN_READ_PERMISSION.admin : PIN_READ_PERMISSION.user;
      // A view is always someone's; which kinds the token may read, readPins decides (audited).
      const caller = await authenticate(deps, ctx, claims, needed);
      actor = caller.actor;
      permissions = [...caller.permissions];
    } else {
      if (which !== 'user') {
        throw new KeywardError(
          'VALIDATION_FAILED',
          'which: purpose "use" reads the user PIN only',
          {
            details: { field: 'which' },
          },
        );
      }
      if (!authorization) assertGatewayService(ctx);
      const caller = authorization
        ? await requireAdministrator(deps, ctx, claims, 'device:enroll')
        : await resolveCaller(deps, ctx, claims, 'device:enroll');
      actor = caller.actor;
      permissions = [PIN_READ_PERMISSION.user];
    }
    const pins = await readPins(deps, {
      serial,
      which,
      permissions,
      actor,
      ...(gatewayId ? { gatewayId } : {}),
    });
    const seal = (value: string | undefined, field: 'userPin' | 'adminPin') =>
      value === undefined
        ? {}
        : {
            [field]: deps.transport.seal(value, replyKey, { subject: def.subject, serial, field }),
          };
    return {
      ...seal(pins.userPin, 'userPin'),
      ...seal(pins.adminPin, 'adminPin'),
      denied: pins.denied,
    };
  });
}

/** keyward.policy.pin.store: only on a verified administrator's behalf (device:unlock). */
export function pinStoreHandler(deps: PolicyBusDeps) {
  const def = policyRequests.pinStore;
  return handleRequest(def, async (request, ctx) => {
    const { authorization, replyKey, userPin, adminPin, ...rest } = request;
    const { serial } = request;
    const caller = await requireAdministrator(
      deps,
      ctx,
      { authorization, serial, replyKey },
      'device:unlock',
    );
    const open = (field: 'userPin' | 'adminPin', sealed: typeof userPin) =>
      sealed === undefined
        ? {}
        : {
            [field]: deps.transport.open(sealed, { subject: def.subject, serial, field, replyKey }),
          };
    const result = await storePins(deps, {
      ...rest,
      ...open('userPin', userPin),
      ...open('adminPin', adminPin),
      actor: caller.actor,
    });
    return {
      stored: result.stored,
      ...(result.userPin !== undefined
        ? {
            userPin: deps.transport.seal(result.userPin, replyKey, {
              subject: def.subject,
              serial,
              field: 'userPin',
            }),
          }
        : {}),
    };
  });
}

/** keyward.policy.pin.check: the chosen PIN opened from its seal; a token when one is sent. */
export function pinCheckHandler(deps: PolicyBusDeps) {
  const def = policyRequests.pinCheck;
  return handleRequest(def, async (request, ctx) => {
    const { serial, pin, authorization, replyKey, policyId, minPinLength } = request;
    if (authorization)
      await requireAdministrator(deps, ctx, { authorization, serial, replyKey }, 'device:unlock');
    else assertGatewayService(ctx);
    return checkPin(deps, {
      serial,
      pin: deps.transport.open(pin, { subject: def.subject, serial, field: 'pin', replyKey }),
      ...(policyId ? { policyId } : {}),
      ...(minPinLength ? { minPinLength } : {}),
    });
  });
}

/** keyward.policy.unlock.response: device:unlock from the verified token; sealed response. */
export function unlockResponseHandler(deps: PolicyBusDeps) {
  const def = policyRequests.unlockResponse;
  return handleRequest(def, async (request, ctx) => {
    const { serial, challenge, authorization, replyKey, gatewayId } = request;
    const caller = await requireAdministrator(
      deps,
      ctx,
      { authorization, serial, replyKey },
      'device:unlock',
    );
    const answer = await issueUnlockResponse(deps, {
      serial,
      challenge,
      permissions: [...caller.permissions],
      actor: caller.actor,
      ...(gatewayId ? { gatewayId } : {}),
    });
    const bytes = Buffer.from(answer.response, 'hex');
    const response = deps.transport.seal(bytes, replyKey, {
      subject: def.subject,
      serial,
      field: 'response',
    });
    bytes.fill(0);
    return { response };
  });
}
