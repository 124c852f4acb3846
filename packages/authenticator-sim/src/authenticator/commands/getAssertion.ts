/** authenticatorGetAssertion (CTAP 2.1 §6.2.2), steps numbered as in the spec. */
import { AuthDataFlag, cbor, GetAssertionParam, PinUvPermission } from '@keyward/ctap/internal';
import type { CommandHandler } from '../context.ts';
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

export const getAssertion: CommandHandler = async (ctx, params) => {
  const P = GetAssertionParam;
  const rpId = cbor.reqText(params, P.RP_ID, 'rpId');
  const clientDataHash = cbor.reqBytes(params, P.CLIENT_DATA_HASH, 'clientDataHash');
  const allowList = cbor.optArray(params, P.ALLOW_LIST, 'allowList');
  const extensions = cbor.optMap(params, P.EXTENSIONS, 'extensions');
  const optionsMap = cbor.optMap(params, P.OPTIONS, 'options') ?? new Map();
  const pinUvAuthParam = cbor.optBytes(params, P.PIN_UV_AUTH_PARAM, 'pinUvAuthParam');
  const pinUvAuthProtocol = cbor.optUint(params, P.PIN_UV_AUTH_PROTOCOL, 'pinUvAuthProtocol');
  const allowed = allowList ? readDescriptors(allowList, 'allowList') : undefined;
  const rkOption = cbor.optBool(optionsMap, 'rk', 'options.rk');
  const up = cbor.optBool(optionsMap, 'up', 'options.up') ?? true;
  const uvOption = cbor.optBool(optionsMap, 'uv', 'options.uv');
  const hmacInput =
    extensions && ctx.profile.extensions.includes('hmac-secret')
      ? cbor.optMap(extensions, 'hmac-secret', 'extensions.hmac-secret')
      : undefined;

  // 1-2. Touch probe; a pinUvAuthParam needs a supported protocol.
  if (pinUvAuthParam?.length === 0) return answerTouchProbe(ctx);
  if (pinUvAuthParam !== undefined && pinUvAuthProtocol === undefined) {
    throw fail('CTAP2_ERR_MISSING_PARAMETER', 'pinUvAuthProtocol');
  }
  const protocol =
    pinUvAuthParam !== undefined && pinUvAuthProtocol !== undefined
      ? protocolFor(ctx, pinUvAuthProtocol)
      : undefined;
  // 3-5. Options: rk is not a getAssertion option; no built-in UV.
  if (rkOption !== undefined) throw fail('CTAP2_ERR_UNSUPPORTED_OPTION', 'options.rk');
  if (uvOption === true && pinUvAuthParam === undefined) throw fail('CTAP2_ERR_INVALID_OPTION');
  // 6. alwaysUv needs a token for any assertion with user presence.
  if (ctx.state.config.alwaysUv && up && pinUvAuthParam === undefined) {
    throw fail('CTAP2_ERR_PUAT_REQUIRED');
  }
  // 8. Token: ga permission, RP ID binding, user verified.
  let uv = false;
  let token: ReturnType<typeof verifyToken> | undefined;
  if (protocol && pinUvAuthParam) {
    token = verifyToken(ctx, {
      protocol,
      param: pinUvAuthParam,
      message: clientDataHash,
      permission: PinUvPermission.GET_ASSERTION,
    });
    if (!token.userVerified) throw fail('CTAP2_ERR_PIN_AUTH_INVALID', 'token already used');
    bindTokenRpId(token, rpId);
    uv = true;
  }
  const hmacSecret: HmacSecretInput | undefined = hmacInput
    ? readHmacSecretInput(ctx, hmacInput)
    : undefined;
  // 9-10. Locate credentials, honouring credProtect.
  let found: FoundCredential[];
  if (allowed) {
    found = allowed
      .map((id) => findCredential(ctx, rpId, id))
      .filter((c): c is FoundCredential => c !== undefined && (c.credProtect !== 3 || uv));
  } else {
    found = ctx.state.credentials
      .filter((c) => c.rpId === rpId && (c.credProtect === 1 || uv))
      .sort((a, b) => b.created - a.created)
      .map(fromStored);
  }
  if (found.length === 0) throw fail('CTAP2_ERR_NO_CREDENTIALS');
  // 11. User presence.
  if (up) {
    await requireUserPresence(ctx);
    consumeTokenForMcGa(token);
  }
  const flags = (up ? AuthDataFlag.UP : 0) | (uv ? AuthDataFlag.UV : 0);
  const queue = found.map(pending);
  const first = queue.shift()!;
  const multiple = !allowed && found.length > 1;
  if (multiple) {
    ctx.runtime.assertions = {
      queue,
      clientDataHash,
      flags,
      hmacSecret,
      at: ctx.clock.now(),
    };
  }
  return assertionResponse(ctx, {
    credential: first,
    clientDataHash,
    flags,
    hmacSecret,
    ...(multiple ? { numberOfCredentials: found.length } : {}),
  });
};
