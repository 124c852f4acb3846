import { policyRequests } from '@keyward/contracts';
import { handleRequest, type RequestContext } from '@keyward/service-kit';
import type { PolicyServiceDeps } from '../service/deps.ts';
import { checkPin } from '../service/pinCheck.ts';
import { readPins, storePins } from '../service/pins.ts';
import { planForDevice } from '../service/plans.ts';
import { settlePin } from '../service/settlePin.ts';
import { issueUnlockResponse } from '../service/unlock.ts';

/** Who asked, for the audit trail: the Keyward-Actor header, else the calling service. */
const actorOf = (ctx: RequestContext) => ctx.actor ?? 'service:unknown';

/** The policy service's request/reply endpoints (contracts: policyRequests). */
export function policyRequestHandlers(deps: PolicyServiceDeps) {
  return [
    handleRequest(policyRequests.plan, (request, ctx) =>
      planForDevice(deps, { request, actor: actorOf(ctx) }),
    ),
    handleRequest(policyRequests.get, ({ policyId, version }) =>
      deps.policies.get(policyId, version),
    ),
    handleRequest(policyRequests.pinRead, ({ serial, which, permissions, gatewayId }, ctx) =>
      readPins(deps, {
        serial,
        which,
        permissions,
        actor: actorOf(ctx),
        ...(gatewayId ? { gatewayId } : {}),
      }),
    ),
    handleRequest(policyRequests.pinStore, (request, ctx) =>
      storePins(deps, { ...request, actor: actorOf(ctx) }),
    ),
    handleRequest(policyRequests.pinSettle, (request, ctx) =>
      settlePin(deps, { ...request, actor: actorOf(ctx) }),
    ),
    handleRequest(policyRequests.pinCheck, (request) => checkPin(deps, request)),
    handleRequest(
      policyRequests.unlockResponse,
      ({ serial, challenge, permissions, gatewayId }, ctx) =>
        issueUnlockResponse(deps, {
          serial,
          challenge,
          permissions,
          actor: actorOf(ctx),
          ...(gatewayId ? { gatewayId } : {}),
        }),
    ),
  ];
}
