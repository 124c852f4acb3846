/**
 * clientPIN getPinToken 0x05 and getPinUvAuthTokenUsingPinWithPermissions 0x09
 * (CTAP 2.1 §6.5.5.7): verify the PIN, issue a fresh token with permissions.
 */
import {
  type CborMap,
  type CborValue,
  ClientPinParam,
  ClientPinResult,
  cbor,
  type PinUvAuthProtocol,
  PinUvPermission,
} from '@keyward/ctap/internal';
import type { CommandContext } from '../../context.ts';
import { fail } from '../../ctapFailure.ts';
import { issueToken, sharedSecretWith, verifyPinHashEnc } from '../../pinUvAuth.ts';

function supportedPermissions(ctx: CommandContext): number {
  if (!ctx.profile.ctap21) return PinUvPermission.MAKE_CREDENTIAL | PinUvPermission.GET_ASSERTION;
  return (
    PinUvPermission.MAKE_CREDENTIAL |
    PinUvPermission.GET_ASSERTION |
    PinUvPermission.CREDENTIAL_MANAGEMENT |
    PinUvPermission.AUTHENTICATOR_CONFIG
  );
}

export function getPinToken(
  ctx: CommandContext,
  protocol: PinUvAuthProtocol,
  params: CborMap,
  withPermissions: boolean,
): Map<number, CborValue> {
  const keyAgreement = cbor.reqMap(params, ClientPinParam.KEY_AGREEMENT, 'keyAgreement');
  const pinHashEnc = cbor.reqBytes(params, ClientPinParam.PIN_HASH_ENC, 'pinHashEnc');
  const permissions = cbor.optUint(params, ClientPinParam.PERMISSIONS, 'permissions');
  const rpId = cbor.optText(params, ClientPinParam.RP_ID, 'rpId');
  let granted = PinUvPermission.MAKE_CREDENTIAL | PinUvPermission.GET_ASSERTION;
  if (withPermissions) {
    if (permissions === undefined) throw fail('CTAP2_ERR_MISSING_PARAMETER', 'permissions');
    if (permissions === 0) throw fail('CTAP1_ERR_INVALID_PARAMETER', 'permissions is 0');
    const mcGa = PinUvPermission.MAKE_CREDENTIAL | PinUvPermission.GET_ASSERTION;
    if ((permissions & mcGa) !== 0 && rpId === undefined) {
      throw fail('CTAP1_ERR_INVALID_PARAMETER', 'mc/ga permission needs an rpId');
    }
    if ((permissions & ~supportedPermissions(ctx)) !== 0) {
      throw fail('CTAP2_ERR_UNAUTHORIZED_PERMISSION');
    }
    granted = permissions;
  } else if (permissions !== undefined || rpId !== undefined) {
    throw fail('CTAP1_ERR_INVALID_PARAMETER', 'getPinToken takes no permissions or rpId');
  }
  if (ctx.state.pin.hash === undefined) throw fail('CTAP2_ERR_PIN_NOT_SET');
  if (ctx.state.pin.retries === 0) throw fail('CTAP2_ERR_PIN_BLOCKED');
  const shared = sharedSecretWith(ctx, protocol, keyAgreement);
  verifyPinHashEnc(ctx, protocol, shared, pinHashEnc);
  if (ctx.state.pin.forceChange) throw fail('CTAP2_ERR_PIN_INVALID', 'forcePINChange is set');
  const token = issueToken(ctx, protocol, granted, withPermissions ? rpId : undefined);
  return new Map([[ClientPinResult.PIN_UV_AUTH_TOKEN, protocol.encrypt(shared, token)]]);
}
