import { type PlanReply, policyRequests } from '@keyward/contracts';
import { handleRequest } from '@keyward/service-kit';
import { planForDevice } from '../service/plans.ts';
import { settlePin } from '../service/settlePin.ts';
import { resolveCaller } from './busCaller.ts';
import {
  assertGatewayService,
  type PolicyBusDeps,
  pinCheckHandler,
  pinReadHandler,
  pinStoreHandler,
  unlockResponseHandler,
} from './pinHandlers.ts';

export type { PolicyBusDeps } from './pinHandlers.ts';

/**
 * The policy service's request/reply endpoints (contracts: policyRequests). Every secret in a
 * request is opened from its seal and every secret in a reply sealed to the request's reply key
 * here, at the edge (ADR 0007); the use cases in service/ see plain values, as REST gives them.
 */
export function policyRequestHandlers(deps: PolicyBusDeps) {
  return [
    handleRequest(policyRequests.sealingKey, async () => ({
      publicKey: deps.transport.key.publicKey,
      keyId: deps.transport.key.keyId,
      algorithm: 'X25519-HKDF-SHA256-A256GCM' as const,
    })),
    handleRequest(policyRequests.plan, async (request, ctx) => {
      const { chosenUserPin, replyKey, ...rest } = request;
      const { serial } = request;
      const subject = policyRequests.plan.subject;
      // A configuration run: the gateway's own call, for the administrator it names.
      assertGatewayService(ctx);
      const caller = await resolveCaller(
        deps,
        ctx,
        { authorization: undefined, serial, replyKey },
        'device:configure',
      );
      const chosen = chosenUserPin
        ? deps.transport.open(chosenUserPin, { subject, serial, field: 'chosenUserPin', replyKey })
        : undefined;
      const plan = await planForDevice(deps, {
        request: { ...rest, ...(chosen !== undefined ? { chosenUserPin: chosen } : {}) },
        actor: caller.actor,
      });
      const secrets: PlanReply['secrets'] = {};
      for (const field of ['userPin', 'adminPin', 'unlockSecret'] as const) {
        const value = plan.secrets[field];
        if (value === undefined) continue;
        const bytes = field === 'unlockSecret' ? Buffer.from(value, 'base64') : value;
        secrets[field] = deps.transport.seal(bytes, replyKey, { subject, serial, field });
        if (typeof bytes !== 'string') bytes.fill(0);
      }
      return { ...plan, secrets };
    }),
    handleRequest(policyRequests.get, ({ policyId, version }) =>
      deps.policies.get(policyId, version),
    ),
    pinReadHandler(deps),
    pinStoreHandler(deps),
    handleRequest(policyRequests.pinSettle, (request, ctx) => {
      // No secret and no administrator: the gateway that staged the PIN reports the key's answer.
      assertGatewayService(ctx);
      return settlePin(deps, { ...request, actor: ctx.actor ?? `service:${ctx.caller.name}` });
    }),
    pinCheckHandler(deps),
    unlockResponseHandler(deps),
  ];
}
