/**
 * The command parser and dispatcher: command byte ‖ CBOR map → status byte ‖ canonical CBOR.
 * It never throws. Handler failures become their CTAP status; CBOR schema errors become
 * MISSING_PARAMETER / CBOR_UNEXPECTED_TYPE / INVALID_CBOR (CTAP 2.1 §8); anything unexpected
 * is CTAP1_ERR_OTHER with the state rolled back to what it was before the request.
 */
import {
  CborDecodeError,
  type CborMap,
  CborSchemaError,
  ClientPinSubCmd,
  Ctap2Cmd,
  CtapStatus,
  concatBytes,
  decodeCtap,
  encodeCanonical,
  KeywardVendorCmd,
} from '@keyward/ctap/internal';
import { clientPin } from './commands/clientPin.ts';
import { config } from './commands/config.ts';
import { credentialManagement } from './commands/credentialManagement.ts';
import { getAssertion } from './commands/getAssertion.ts';
import { getInfo, MAX_MSG_SIZE } from './commands/getInfo.ts';
import { getNextAssertion } from './commands/getNextAssertion.ts';
import { makeCredential } from './commands/makeCredential.ts';
import { reset } from './commands/reset.ts';
import { selection } from './commands/selection.ts';
import { vendorCommand } from './commands/vendor.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { CtapFailure } from './ctapFailure.ts';

type Route = { name: string; handler: CommandHandler; takesParams: boolean; ctap21?: boolean };

const ROUTES: ReadonlyMap<number, Route> = new Map<number, Route>([
  [
    Ctap2Cmd.MAKE_CREDENTIAL,
    { name: 'makeCredential', handler: makeCredential, takesParams: true },
  ],
  [Ctap2Cmd.GET_ASSERTION, { name: 'getAssertion', handler: getAssertion, takesParams: true }],
  [Ctap2Cmd.GET_INFO, { name: 'getInfo', handler: getInfo, takesParams: false }],
  [Ctap2Cmd.CLIENT_PIN, { name: 'clientPin', handler: clientPin, takesParams: true }],
  [Ctap2Cmd.RESET, { name: 'reset', handler: reset, takesParams: false }],
  [
    Ctap2Cmd.GET_NEXT_ASSERTION,
    { name: 'getNextAssertion', handler: getNextAssertion, takesParams: false },
  ],
  [
    Ctap2Cmd.CREDENTIAL_MANAGEMENT,
    {
      name: 'credentialManagement',
      handler: credentialManagement,
      takesParams: true,
      ctap21: true,
    },
  ],
  [Ctap2Cmd.SELECTION, { name: 'selection', handler: selection, takesParams: false, ctap21: true }],
  [Ctap2Cmd.CONFIG, { name: 'config', handler: config, takesParams: true, ctap21: true }],
]);

const VENDOR_COMMANDS: ReadonlySet<number> = new Set(Object.values(KeywardVendorCmd));

const CLIENT_PIN_NAMES: Record<number, string> = {
  [ClientPinSubCmd.GET_PIN_RETRIES]: 'getPINRetries',
  [ClientPinSubCmd.GET_KEY_AGREEMENT]: 'getKeyAgreement',
  [ClientPinSubCmd.SET_PIN]: 'setPIN',
  [ClientPinSubCmd.CHANGE_PIN]: 'changePIN',
  [ClientPinSubCmd.GET_PIN_TOKEN]: 'getPinToken',
  [ClientPinSubCmd.GET_PIN_UV_AUTH_TOKEN_USING_PIN_WITH_PERMISSIONS]:
    'getPinUvAuthTokenUsingPinWithPermissions',
};

export type ParsedRequest =
  | { ok: true; cmd: number; name: string; route: Route | undefined; params: CborMap }
  | { ok: false; cmd: number; name: string; status: number };

const failed = (cmd: number, name: string, status: number): ParsedRequest => ({
  ok: false,
  cmd,
  name,
  status,
});

/** Step one: size, command byte, profile support, CBOR body. */
export function parseRequest(ctx: CommandContext, request: Uint8Array): ParsedRequest {
  if (request.length === 0) return failed(-1, 'empty', CtapStatus.CTAP1_ERR_INVALID_LENGTH);
  const cmd = request[0]!;
  const route = ROUTES.get(cmd);
  const vendor = VENDOR_COMMANDS.has(cmd);
  const name = route?.name ?? (vendor ? `vendor0x${cmd.toString(16)}` : `0x${cmd.toString(16)}`);
  if (request.length > MAX_MSG_SIZE) return failed(cmd, name, CtapStatus.CTAP1_ERR_INVALID_LENGTH);
  if ((!route && !vendor) || (route?.ctap21 && !ctx.profile.ctap21)) {
    return failed(cmd, name, CtapStatus.CTAP1_ERR_INVALID_COMMAND);
  }
  const body = request.subarray(1);
  // getInfo, reset, getNextAssertion and selection ignore any parameters (CTAP 2.1 §6).
  if (route && !route.takesParams) return { ok: true, cmd, name, route, params: new Map() };
  if (body.length === 0) return { ok: true, cmd, name, route, params: new Map() };
  let params: unknown;
  try {
    params = decodeCtap(body);
  } catch {
    return failed(cmd, name, CtapStatus.CTAP2_ERR_INVALID_CBOR);
  }
  if (!(params instanceof Map)) return failed(cmd, name, CtapStatus.CTAP2_ERR_CBOR_UNEXPECTED_TYPE);
  let full = name;
  if (cmd === Ctap2Cmd.CLIENT_PIN) {
    const sub = params.get(ClientPinParamSub);
    if (typeof sub === 'number' && CLIENT_PIN_NAMES[sub]) full = CLIENT_PIN_NAMES[sub];
  }
  return { ok: true, cmd, name: full, route, params };
}
const ClientPinParamSub = 0x02;

/** Maps what a handler threw to a status byte; undefined means "unexpected" (roll back). */
export function statusOf(error: unknown): number | undefined {
  if (error instanceof CtapFailure) return error.status;
  if (error instanceof CborSchemaError) {
    return error.reason === 'missing'
      ? CtapStatus.CTAP2_ERR_MISSING_PARAMETER
      : CtapStatus.CTAP2_ERR_CBOR_UNEXPECTED_TYPE;
  }
  if (error instanceof CborDecodeError) return CtapStatus.CTAP2_ERR_INVALID_CBOR;
  return undefined;
}

/** Step two: run the handler and encode its answer. Throws only for unexpected errors. */
export async function runHandler(
  ctx: CommandContext,
  parsed: Extract<ParsedRequest, { ok: true }>,
): Promise<Uint8Array> {
  const result = parsed.route
    ? await parsed.route.handler(ctx, parsed.params)
    : await vendorCommand(ctx, parsed.cmd, parsed.params);
  if (!result) return Uint8Array.of(CtapStatus.CTAP2_OK);
  return concatBytes(Uint8Array.of(CtapStatus.CTAP2_OK), encodeCanonical(result));
}
