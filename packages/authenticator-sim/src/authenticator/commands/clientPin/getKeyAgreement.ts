/** clientPIN getKeyAgreement 0x02 (CTAP 2.1 §6.5.5.4): the protocol's public COSE key. */
import { type CborValue, ClientPinResult, type PinUvAuthProtocol } from '@keyward/ctap/internal';
import type { CommandContext } from '../../context.ts';

export function getKeyAgreement(
  ctx: CommandContext,
  protocol: PinUvAuthProtocol,
): Map<number, CborValue> {
  return new Map([
    [ClientPinResult.KEY_AGREEMENT, ctx.runtime.keyAgreement[protocol.version].cose],
  ]);
}
