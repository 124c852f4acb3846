/** authenticatorClientPIN (CTAP 2.1 §6.5): dispatches the subcommands, one file each. */
import { ClientPinParam, ClientPinSubCmd, cbor } from '@keyward/ctap/internal';
import type { CommandHandler } from '../context.ts';
import { fail } from '../ctapFailure.ts';
import { protocolFor } from '../pinUvAuth.ts';
import { changePin } from './clientPin/changePin.ts';
import { getKeyAgreement } from './clientPin/getKeyAgreement.ts';
import { getPinRetries } from './clientPin/getPinRetries.ts';
import { getPinToken } from './clientPin/getPinToken.ts';
import { setPin } from './clientPin/setPin.ts';

export const clientPin: CommandHandler = async (ctx, params) => {
  const version = cbor.optUint(params, ClientPinParam.PIN_UV_AUTH_PROTOCOL, 'pinUvAuthProtocol');
  const sub = cbor.reqUint(params, ClientPinParam.SUB_COMMAND, 'subCommand');
  // getPINRetries does not depend on a protocol; python-fido2 still sends one.
  if (sub === ClientPinSubCmd.GET_PIN_RETRIES) return getPinRetries(ctx);
  if (version === undefined) throw fail('CTAP2_ERR_MISSING_PARAMETER', 'pinUvAuthProtocol');
  const protocol = protocolFor(ctx, version);
  switch (sub) {
    case ClientPinSubCmd.GET_KEY_AGREEMENT:
      return getKeyAgreement(ctx, protocol);
    case ClientPinSubCmd.SET_PIN:
      return setPin(ctx, protocol, params);
    case ClientPinSubCmd.CHANGE_PIN:
      return changePin(ctx, protocol, params);
    case ClientPinSubCmd.GET_PIN_TOKEN:
      return getPinToken(ctx, protocol, params, false);
    case ClientPinSubCmd.GET_PIN_UV_AUTH_TOKEN_USING_PIN_WITH_PERMISSIONS:
      if (!ctx.profile.ctap21) throw fail('CTAP2_ERR_INVALID_SUBCOMMAND');
      return getPinToken(ctx, protocol, params, true);
    default:
      // 0x06 / 0x07 need built-in UV, which a software key without biometrics does not have.
      throw fail('CTAP2_ERR_INVALID_SUBCOMMAND', `subCommand ${sub}`);
  }
};
