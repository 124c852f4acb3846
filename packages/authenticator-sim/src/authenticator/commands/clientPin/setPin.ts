/** clientPIN setPIN 0x03 (CTAP 2.1 §6.5.5.5). */
import { type CborMap, ClientPinParam, cbor, type PinUvAuthProtocol } from '@keyward/ctap/internal';
import type { CommandContext } from '../../context.ts';
import { fail } from '../../ctapFailure.ts';
import {
  decryptNewPin,
  sharedSecretWith,
  storeUserPin,
  verifySharedSecretAuth,
} from '../../pinUvAuth.ts';

export function setPin(
  ctx: CommandContext,
  protocol: PinUvAuthProtocol,
  params: CborMap,
): undefined {
  const keyAgreement = cbor.reqMap(params, ClientPinParam.KEY_AGREEMENT, 'keyAgreement');
  const pinUvAuthParam = cbor.reqBytes(params, ClientPinParam.PIN_UV_AUTH_PARAM, 'pinUvAuthParam');
  const newPinEnc = cbor.reqBytes(params, ClientPinParam.NEW_PIN_ENC, 'newPinEnc');
  // CTAP 2.1 PS answers PIN_AUTH_INVALID when a PIN exists (2.2 changed it to NOT_ALLOWED).
  if (ctx.state.pin.hash !== undefined) throw fail('CTAP2_ERR_PIN_AUTH_INVALID', 'PIN already set');
  const shared = sharedSecretWith(ctx, protocol, keyAgreement);
  verifySharedSecretAuth(protocol, shared, newPinEnc, pinUvAuthParam);
  storeUserPin(ctx, decryptNewPin(ctx, protocol, shared, newPinEnc));
  return undefined;
}
