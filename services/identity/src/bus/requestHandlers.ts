import { identityRequests } from '@keyward/contracts';
import { handleRequest, type RequestHandler } from '@keyward/service-kit';
import { beginEnrollment } from '../usecases/beginEnrollment.ts';
import { cancelEnrollment } from '../usecases/cancelEnrollment.ts';
import { completeEnrollment } from '../usecases/completeEnrollment.ts';
import type { IdentityDeps } from '../usecases/deps.ts';
import { nextProvisioningUser, toProvisioningNextReply } from '../usecases/provisioningRequests.ts';
import { revokeCredential } from '../usecases/revokeCredential.ts';

/** Requests without a Keyward-Actor header are attributed to an unnamed service. */
const actorOf = (actor: string | undefined) => actor ?? 'service:unknown';

/** keyward.identity.* request/reply endpoints (contracts identityRequests). */
export function identityRequestHandlers(deps: IdentityDeps): RequestHandler[] {
  return [
    handleRequest(identityRequests.enrollmentBegin, (data, ctx) =>
      beginEnrollment(deps, data, actorOf(ctx.actor)),
    ),
    handleRequest(identityRequests.enrollmentComplete, (data, ctx) =>
      completeEnrollment(deps, data, actorOf(ctx.actor)),
    ),
    handleRequest(identityRequests.enrollmentCancel, (data, ctx) =>
      cancelEnrollment(deps, data, actorOf(ctx.actor)),
    ),
    handleRequest(identityRequests.credentialRevoke, (data, ctx) =>
      revokeCredential(deps, data, actorOf(ctx.actor)),
    ),
    handleRequest(identityRequests.provisioningNext, async (data, ctx) =>
      toProvisioningNextReply(await nextProvisioningUser(deps, data, actorOf(ctx.actor))),
    ),
    // Names only: the gateway labels keys with their IdP; settings and secrets stay here.
    handleRequest(identityRequests.idpGet, async ({ idpId }) => {
      const { id, name, type, isDefault } = await deps.idps.get(idpId);
      return { id, name, type, isDefault };
    }),
  ];
}
