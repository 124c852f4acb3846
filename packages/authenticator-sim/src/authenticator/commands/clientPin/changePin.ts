/** clientPIN changePIN 0x04 (CTAP 2.1 §6.5.5.6). */
import {
  type CborMap,
  ClientPinParam,
  cbor,
  concatBytes,
  type PinUvAuthProtocol,
} from '@keyward/ctap/internal';
import type { CommandContext } from '../../context.ts';
import { fail } from '../../ctapFailure.ts';
import {
  decryptNewPin,
  sharedSecretWith,
  storeUserPin,
  verifyPinHashEnc,
  verifySharedSecretAuth,
} from '../../pinUvAuth.ts';

export function changePin(
  ctx: CommandContext,
  protocol: PinUvAuthProtocol,
  params: CborMap,
): undefined {
  const keyAgreement = cbor.reqMap(params, ClientPinParam.KEY_AGREEMENT, 'keyAgreement');
  const pinUvAuthParam = cbor.reqBytes(params, ClientPinParam.PIN_UV_AUTH_PARAM, 'pinUvAuthParam');
  const newPinEnc = cbor.reqBytes(params, ClientPinParam.NEW_PIN_ENC, 'newPinEnc');
  const pinHashEnc = cbor.reqBytes(params, ClientPinParam.PIN_HASH_ENC, 'pinHashEnc');
  if (ctx.state.pin.hash === undefined) throw fail('CTAP2_ERR_PIN_NOT_SET');
  if (ctx.state.pin.retries === 0) throw fail('CTAP2_ERR_PIN_BLOCKED');
  const shared = sharedSecretWith(ctx, protocol, keyAgreement);
  verifySharedSecretAuth(protocol, shared, concatBytes(newPinEnc, pinHashEnc), pinUvAuthParam);
  verifyPinHashEnc(ctx, protocol, shared, pinHashEnc);
  const next = decryptNewPin(ctx, protocol, shared, newPinEnc);
  // A forced change must pick a different PIN (CTAP 2.1 §6.5.5.6 step on forcePINChange).
  if (ctx.state.pin.forceChange && next.hash === ctx.state.pin.hash) {
    throw fail('CTAP2_ERR_PIN_POLICY_VIOLATION', 'new PIN equals the current PIN');
  }
  storeUserPin(ctx, next);
  return undefined;
}
