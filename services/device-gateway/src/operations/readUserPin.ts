import { KeywardError } from '@keyward/contracts';
import { readPins } from '../bus/policyPins.ts';
import type { GatewayCore } from './gatewayCore.ts';

/**
 * The user PIN of a configured key from the policy vault, for one operation only (never logged
 * or kept). Read in the name of the person behind the operation, so policy's audited
 * keyward.pin.read names them; the gateway stays identifiable through `gatewayId`.
 */
export async function readUserPin(
  core: Pick<GatewayCore, 'vault' | 'gatewayId'>,
  options: { serial: string; actor: string; token?: string | undefined },
): Promise<string | undefined> {
  const { serial, actor, token } = options;
  // `use`: for the gateway's own step. With the REST caller's token the policy checks its
  // device:enroll and audits the person; without (a bus-triggered run), the gateway itself.
  const reply = await readPins(core.vault, {
    serial,
    which: 'user',
    purpose: 'use',
    gatewayId: core.gatewayId,
    actor,
    token,
  });
  if (!reply.ok) throw new KeywardError(reply.error.code, `PIN vault: ${reply.error.message}`);
  return reply.data.userPin;
}
