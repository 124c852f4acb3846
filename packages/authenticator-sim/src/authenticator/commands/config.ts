/** authenticatorConfig (CTAP 2.1 §6.11): enterprise attestation, alwaysUv, setMinPINLength. */
import {
  type CborMap,
  ConfigParam,
  ConfigSubCmd,
  cbor,
  concatBytes,
  encodeCanonical,
  PinUvPermission,
  SetMinPinLengthParam,
} from '@keyward/ctap/internal';
import type { CommandContext, CommandHandler } from '../context.ts';
import { fail } from '../ctapFailure.ts';
import { protocolFor, verifyToken } from '../pinUvAuth.ts';
import { MAX_RPIDS_FOR_SET_MIN_PIN_LENGTH } from './getInfo.ts';

/** A PIN-protected (or alwaysUv) key needs an acfg token over 32×0xFF ‖ 0x0D ‖ sub ‖ params. */
function authorise(
  ctx: CommandContext,
  params: CborMap,
  sub: number,
  subParams: CborMap | undefined,
) {
  const param = cbor.optBytes(params, ConfigParam.PIN_UV_AUTH_PARAM, 'pinUvAuthParam');
  const version = cbor.optUint(params, ConfigParam.PIN_UV_AUTH_PROTOCOL, 'pinUvAuthProtocol');
  const protectedKey = ctx.state.pin.hash !== undefined || ctx.state.config.alwaysUv;
  if (!protectedKey && param === undefined) return;
  if (param === undefined) throw fail('CTAP2_ERR_PUAT_REQUIRED');
  if (version === undefined) throw fail('CTAP2_ERR_MISSING_PARAMETER', 'pinUvAuthProtocol');
  const protocol = protocolFor(ctx, version);
  const message = concatBytes(
    new Uint8Array(32).fill(0xff),
    Uint8Array.of(0x0d, sub),
    subParams ? encodeCanonical(subParams) : new Uint8Array(0),
  );
  verifyToken(ctx, { protocol, param, message, permission: PinUvPermission.AUTHENTICATOR_CONFIG });
}

function setMinPinLength(ctx: CommandContext, subParams: CborMap): void {
  const P = SetMinPinLengthParam;
  const { pin } = ctx.state;
  const newMin = cbor.optUint(subParams, P.NEW_MIN_PIN_LENGTH, 'newMinPINLength') ?? pin.minLength;
  const rpIds = cbor.optArray(subParams, P.MIN_PIN_LENGTH_RPIDS, 'minPinLengthRPIDs');
  const force = cbor.optBool(subParams, P.FORCE_CHANGE_PIN, 'forceChangePin') ?? false;
  const rpIdTexts = (rpIds ?? []).map((r, i) => {
    if (typeof r !== 'string') {
      throw fail('CTAP2_ERR_CBOR_UNEXPECTED_TYPE', `minPinLengthRPIDs[${i}] is not text`);
    }
    return r;
  });
  if (newMin < pin.minLength || newMin > 63) {
    throw fail('CTAP2_ERR_PIN_POLICY_VIOLATION', `newMinPINLength ${newMin}`);
  }
  if (rpIdTexts.length > MAX_RPIDS_FOR_SET_MIN_PIN_LENGTH) {
    throw fail('CTAP2_ERR_PIN_POLICY_VIOLATION', 'too many minPinLengthRPIDs');
  }
  if (force && pin.hash === undefined) throw fail('CTAP2_ERR_PIN_NOT_SET');
  pin.minLength = newMin;
  if (rpIds) pin.minLengthRpIds = rpIdTexts;
  // A PIN shorter than the new minimum must be changed before it can be used again.
  if (force || (pin.hash !== undefined && (pin.codePoints ?? 0) < newMin)) pin.forceChange = true;
}

export const config: CommandHandler = async (ctx, params) => {
  const sub = cbor.reqUint(params, ConfigParam.SUB_COMMAND, 'subCommand');
  const subParams = cbor.optMap(params, ConfigParam.SUB_COMMAND_PARAMS, 'subCommandParams');
  const known: number[] = [
    ConfigSubCmd.ENABLE_ENTERPRISE_ATTESTATION,
    ConfigSubCmd.TOGGLE_ALWAYS_UV,
    ConfigSubCmd.SET_MIN_PIN_LENGTH,
  ];
  if (!known.includes(sub)) throw fail('CTAP2_ERR_INVALID_SUBCOMMAND', `subCommand ${sub}`);
  authorise(ctx, params, sub, subParams);
  switch (sub) {
    case ConfigSubCmd.ENABLE_ENTERPRISE_ATTESTATION:
      if (!ctx.profile.enterpriseAttestation) {
        throw fail('CTAP1_ERR_INVALID_PARAMETER', 'no enterprise attestation on this key');
      }
      ctx.state.config.enterpriseAttestation = true;
      return undefined;
    case ConfigSubCmd.TOGGLE_ALWAYS_UV:
      ctx.state.config.alwaysUv = !ctx.state.config.alwaysUv;
      return undefined;
    default:
      setMinPinLength(ctx, subParams ?? new Map());
      return undefined;
  }
};
