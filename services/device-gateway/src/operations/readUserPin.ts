import { KeywardError, policyRequests } from '@keyward/contracts';
import type { GatewayCore } from './gatewayCore.ts';

/**
 * The user PIN of a configured key from the policy vault, for one operation only (never logged
 * or kept). Read in the name of the person behind the operation, so policy's audited
 * keyward.pin.read names them; the gateway stays identifiable through `gatewayId`.
 */
export async function readUserPin(
  core: Pick<GatewayCore, 'requester' | 'gatewayId'>,
  options: { serial: string; actor: string },
): Promise<string | undefined> {
  const { serial, actor } = options;
  const reply = await core.requester.request(
    policyRequests.pinRead,
    { serial, which: 'user', permissions: ['device:userpin:read'], gatewayId: core.gatewayId },
    { actor },
  );
  if (!reply.ok) throw new KeywardError(reply.error.code, `PIN vault: ${reply.error.message}`);
  return reply.data.userPin;
}
