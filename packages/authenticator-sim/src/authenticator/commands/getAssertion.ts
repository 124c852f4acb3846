/** authenticatorGetAssertion (CTAP 2.1 §6.2.2), steps numbered as in the spec. */
import {
  AuthDataFlag,
  type CborMap,
  cbor,
  GetAssertionParam,
  PinUvPermission,
} from '@keyward/ctap/internal';
import type { CommandContext, CommandHandler } from '../context.ts';
import {
  type FoundCredential,
  findCredential,
  fromStored,
  readDescriptors,
} from '../credentials.ts';
import { fail } from '../ctapFailure.ts';
import { type HmacSecretInput, readHmacSecretInput } from '../hmacSecret.ts';
import { bindTokenRpId, consumeTokenForMcGa, protocolFor, verifyToken } from '../pinUvAuth.ts';
import { answerTouchProbe, requireUserPresence } from '../presenceCheck.ts';
import type { PendingAssertion } from '../runtime.ts';
import { b64 } from '../state.ts';
import { assertionResponse } from './assertionResponse.ts';

function pending(found: FoundCredential): PendingAssertion {
  const p: PendingAssertion = {
    credentialId: found.id,
    rpId: found.rpId,
    alg: found.alg,
    privateKey: found.privateKey,
  };
  if (found.stored) {
    const u = found.stored.user;
    p.user = {
      id: b64.decode(u.id),
      ...(u.name !== undefined ? { name: u.name } : {}),
      ...(u.displayName !== undefined ? { displayName: u.displayName } : {}),
    };
  }
  return p;
}

/** Step 9-10: allowList entries bound to rpId, or its discoverable credentials newest first. */
function locate(
  ctx: CommandContext,
  rpId: string,
  allowed: Uint8Array[] | undefined,
  uv: boolean,
): FoundCredential[] {
  if (allowed) {
    return allowed
      .map((id) => findCredential(ctx, rpId, id))
      .filter((c): c is FoundCredential => c !== undefined && (c.credProtect !== 3 || uv));
  }
  // credProtect 2 needs an allowList or UV, 3 needs UV.
  return ctx.state.credentials
    .filter((c) => c.rpId === rpId && (c.credProtect === 1 || uv))
    .sort((a, b) => b.created - a.created)
    .map(fromStored);
}

/** Steps 1-8: touch probe, protocol, options, alwaysUv, token → whether UV was done. */
async function authorise(
  ctx: CommandContext,
  params: CborMap,
  rpId: string,
  clientDataHash: Uint8Array,
  up: boolean,
) {
  const P = GetAssertionParam;
  const options = cbor.optMap(params, P.OPTIONS, 'options') ?? new Map();
  const param = cbor.optBytes(params, P.PIN_UV_AUTH_PARAM, 'pinUvAuthParam');
  const version = cbor.optUint(params, P.PIN_UV_AUTH_PROTOCOL, 'pinUvAuthProtocol');
  const rk = cbor.optBool(options, 'rk', 'options.rk');
  const uvOption = cbor.optBool(options, 'uv', 'options.uv');
  // 1-2. Touch probe; a pinUvAuthParam needs a supported protocol.
  if (param?.length === 0) return answerTouchProbe(ctx);
  if (param !== undefined && version === undefined) {
    throw fail('CTAP2_ERR_MISSING_PARAMETER', 'pinUvAuthProtocol');
  }
  const protocol =
    param !== undefined && version !== undefined ? protocolFor(ctx, version) : undefined;
  // 3-5. Options: rk is not a getAssertion option; no built-in UV.
  if (rk !== undefined) throw fail('CTAP2_ERR_UNSUPPORTED_OPTION', 'options.rk');
  if (uvOption === true && param === undefined) throw fail('CTAP2_ERR_INVALID_OPTION');
  // 6. alwaysUv needs a token for any assertion with user presence.
  if (ctx.state.config.alwaysUv && up && param === undefined) throw fail('CTAP2_ERR_PUAT_REQUIRED');
  // 8. Token: ga permission, RP ID binding, user verified.
  if (!protocol || !param) return { uv: false, token: undefined };
  const token = verifyToken(ctx, {
    protocol,
    param,
    message: clientDataHash,
    permission: PinUvPermission.GET_ASSERTION,
  });
  if (!token.userVerified) throw fail('CTAP2_ERR_PIN_AUTH_INVALID', 'token already used');
  bindTokenRpId(token, rpId);
  return { uv: true, token };
}

export const getAssertion: CommandHandler = async (ctx, params) => {
  const P = GetAssertionParam;
  const rpId = cbor.reqText(params, P.RP_ID, 'rpId');
  const clientDataHash = cbor.reqBytes(params, P.CLIENT_DATA_HASH, 'clientDataHash');
  const allowList = cbor.optArray(params, P.ALLOW_LIST, 'allowList');
  const allowed = allowList ? readDescriptors(allowList, 'allowList') : undefined;
  const extensions = cbor.optMap(params, P.EXTENSIONS, 'extensions');
  const up =
    cbor.optBool(cbor.optMap(params, P.OPTIONS, 'options') ?? new Map(), 'up', 'options.up') ??
    true;
  const hmacInput =
    extensions && ctx.profile.extensions.includes('hmac-secret')
      ? cbor.optMap(extensions, 'hmac-secret', 'extensions.hmac-secret')
      : undefined;
  const { uv, token } = await authorise(ctx, params, rpId, clientDataHash, up);
  const hmacSecret: HmacSecretInput | undefined = hmacInput
    ? readHmacSecretInput(ctx, hmacInput)
    : undefined;
  // 9-10. Locate credentials.
  const found = locate(ctx, rpId, allowed, uv);
  if (found.length === 0) throw fail('CTAP2_ERR_NO_CREDENTIALS');
  // 11. User presence, then the token authorises no further MC/GA.
  if (up) {
    await requireUserPresence(ctx);
    consumeTokenForMcGa(token);
  }
  // 12-13. First assertion; with several discoverable credentials, the rest for getNextAssertion.
  const flags = (up ? AuthDataFlag.UP : 0) | (uv ? AuthDataFlag.UV : 0);
  const queue = found.map(pending);
  const first = queue.shift()!;
  const multiple = !allowed && found.length > 1;
  if (multiple) {
    ctx.runtime.assertions = { queue, clientDataHash, flags, hmacSecret, at: ctx.clock.now() };
  }
  return assertionResponse(ctx, {
    credential: first,
    clientDataHash,
    flags,
    hmacSecret,
    ...(multiple ? { numberOfCredentials: found.length } : {}),
  });
};
