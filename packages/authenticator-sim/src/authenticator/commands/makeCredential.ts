/**
 * authenticatorMakeCredential (CTAP 2.1 §6.1.2). The steps below follow the spec's numbering.
 */
import {
  AuthDataFlag,
  type CborMap,
  type CborValue,
  cbor,
  MakeCredentialParam,
  MakeCredentialResult,
  PinUvPermission,
} from '@keyward/ctap/internal';
import { ATTESTATION_FORMATS, type AttestationFormat, packedStatement } from '../attestation.ts';
import { buildAuthData, nextSignCount, rpIdHash } from '../authData.ts';
import type { CommandContext, CommandHandler } from '../context.ts';
import { MAX_CREDENTIAL_ID_LENGTH, wrapCredentialId } from '../credentialId.ts';
import {
  type CredentialAlg,
  generateCredentialKey,
  publicCoseKey,
  SUPPORTED_ALGS,
} from '../credentialKey.ts';
import { findCredential, readDescriptors } from '../credentials.ts';
import { fail } from '../ctapFailure.ts';
import { bindTokenRpId, consumeTokenForMcGa, protocolFor, verifyToken } from '../pinUvAuth.ts';
import { answerTouchProbe, requireUserPresence } from '../presenceCheck.ts';
import { aaguidBytes } from '../profiles.ts';
import { b64 } from '../state.ts';

/** CTAP 2.2 §6.1 attestationFormatsPreference; honoured here so callers can ask for "none". */
const ATTESTATION_FORMATS_PREFERENCE = 0x0b;
const MAX_USER_ID_LENGTH = 64;

function readOptions(params: CborMap, key: number) {
  const options = cbor.optMap(params, key, 'options') ?? new Map();
  return {
    rk: cbor.optBool(options, 'rk', 'options.rk'),
    up: cbor.optBool(options, 'up', 'options.up'),
    uv: cbor.optBool(options, 'uv', 'options.uv'),
  };
}

function pickAlgorithm(list: CborValue[]): CredentialAlg {
  for (const [i, item] of list.entries()) {
    if (!(item instanceof Map)) {
      throw fail('CTAP2_ERR_CBOR_UNEXPECTED_TYPE', `pubKeyCredParams[${i}] is not a map`);
    }
    const alg = cbor.reqInt(item, 'alg', `pubKeyCredParams[${i}].alg`);
    const type = cbor.reqText(item, 'type', `pubKeyCredParams[${i}].type`);
    if (type === 'public-key' && (SUPPORTED_ALGS as readonly number[]).includes(alg)) {
      return alg as CredentialAlg;
    }
  }
  throw fail('CTAP2_ERR_UNSUPPORTED_ALGORITHM');
}

function pickFormat(params: CborMap): AttestationFormat {
  const preference = cbor.optArray(params, ATTESTATION_FORMATS_PREFERENCE, 'attestationFormats');
  for (const f of preference ?? []) {
    if (typeof f !== 'string') throw fail('CTAP2_ERR_CBOR_UNEXPECTED_TYPE', 'attestationFormats');
    if ((ATTESTATION_FORMATS as readonly string[]).includes(f)) return f as AttestationFormat;
  }
  return 'packed';
}

function readExtensions(ctx: CommandContext, params: CborMap) {
  const ext = cbor.optMap(params, MakeCredentialParam.EXTENSIONS, 'extensions') ?? new Map();
  const supported = ctx.profile.extensions;
  const credProtect = supported.includes('credProtect')
    ? cbor.optUint(ext, 'credProtect', 'extensions.credProtect')
    : undefined;
  return {
    credProtect:
      credProtect !== undefined && credProtect >= 1 && credProtect <= 3 ? credProtect : undefined,
    hmacSecret: supported.includes('hmac-secret')
      ? cbor.optBool(ext, 'hmac-secret', 'extensions.hmac-secret') === true
      : false,
    minPinLength: supported.includes('minPinLength')
      ? cbor.optBool(ext, 'minPinLength', 'extensions.minPinLength') === true
      : false,
  };
}

export const makeCredential: CommandHandler = async (ctx, params) => {
  const P = MakeCredentialParam;
  const clientDataHash = cbor.reqBytes(params, P.CLIENT_DATA_HASH, 'clientDataHash');
  const rp = cbor.reqMap(params, P.RP, 'rp');
  const user = cbor.reqMap(params, P.USER, 'user');
  const pubKeyCredParams = cbor.reqArray(params, P.PUB_KEY_CRED_PARAMS, 'pubKeyCredParams');
  const excludeList = cbor.optArray(params, P.EXCLUDE_LIST, 'excludeList');
  const pinUvAuthParam = cbor.optBytes(params, P.PIN_UV_AUTH_PARAM, 'pinUvAuthParam');
  const pinUvAuthProtocol = cbor.optUint(params, P.PIN_UV_AUTH_PROTOCOL, 'pinUvAuthProtocol');
  const enterprise = cbor.optUint(params, P.ENTERPRISE_ATTESTATION, 'enterpriseAttestation');
  const rpId = cbor.reqText(rp, 'id', 'rp.id');
  const rpName = cbor.optText(rp, 'name', 'rp.name');
  const userId = cbor.reqBytes(user, 'id', 'user.id');
  const userName = cbor.optText(user, 'name', 'user.name');
  const displayName = cbor.optText(user, 'displayName', 'user.displayName');
  const excluded = readDescriptors(excludeList ?? [], 'excludeList');
  const options = readOptions(params, P.OPTIONS);
  const extensions = readExtensions(ctx, params);
  const format = pickFormat(params);
  if (userId.length > MAX_USER_ID_LENGTH) {
    throw fail('CTAP1_ERR_INVALID_LENGTH', `user.id is ${userId.length} bytes, at most 64`);
  }

  // 1. Zero-length pinUvAuthParam: "touch to select" probe.
  if (pinUvAuthParam?.length === 0) return answerTouchProbe(ctx);
  // 2. pinUvAuthParam needs a (supported) protocol.
  const protocol =
    pinUvAuthParam === undefined
      ? undefined
      : pinUvAuthProtocol === undefined
        ? (() => {
            throw fail('CTAP2_ERR_MISSING_PARAMETER', 'pinUvAuthProtocol');
          })()
        : protocolFor(ctx, pinUvAuthProtocol);
  // 3. First supported algorithm.
  const alg = pickAlgorithm(pubKeyCredParams);
  // 4-5. Options: no built-in UV, up=false is not allowed for MC.
  if (options.uv === true && pinUvAuthParam === undefined) throw fail('CTAP2_ERR_INVALID_OPTION');
  if (options.up === false) throw fail('CTAP2_ERR_INVALID_OPTION');
  const rk = options.rk === true;
  // 6-8. Without a token: alwaysUv, or a PIN-protected key that needs UV for this request.
  const pinSet = ctx.state.pin.hash !== undefined;
  if (pinUvAuthParam === undefined) {
    const uvNotRequired = ctx.profile.ctap21 && !rk;
    if (ctx.state.config.alwaysUv || (pinSet && !uvNotRequired)) {
      throw fail('CTAP2_ERR_PUAT_REQUIRED');
    }
  }
  // 9. Enterprise attestation.
  let useEnterprise = false;
  if (enterprise !== undefined) {
    if (!ctx.profile.enterpriseAttestation || !ctx.state.config.enterpriseAttestation) {
      throw fail('CTAP1_ERR_INVALID_PARAMETER', 'enterprise attestation is not enabled');
    }
    if (enterprise !== 1 && enterprise !== 2) throw fail('CTAP2_ERR_INVALID_OPTION');
    // 1 = vendor-facilitated: only RP IDs configured into the key; 2 = platform-managed.
    useEnterprise = enterprise === 2 || ctx.state.config.enterpriseRpIds.includes(rpId);
  }
  // 11. Verify the token: mc permission, RP ID binding, user verified.
  let uv = false;
  let token: ReturnType<typeof verifyToken> | undefined;
  if (protocol && pinUvAuthParam) {
    token = verifyToken(ctx, {
      protocol,
      param: pinUvAuthParam,
      message: clientDataHash,
      permission: PinUvPermission.MAKE_CREDENTIAL,
    });
    if (!token.userVerified) throw fail('CTAP2_ERR_PIN_AUTH_INVALID', 'token already used');
    bindTokenRpId(token, rpId);
    uv = true;
  }
  // 12. excludeList: a touch, then CREDENTIAL_EXCLUDED whatever the answer.
  for (const id of excluded) {
    const found = findCredential(ctx, rpId, id);
    if (found && (found.credProtect !== 3 || uv)) {
      await ctx.requestPresence();
      throw fail('CTAP2_ERR_CREDENTIAL_EXCLUDED');
    }
  }
  const replaces = ctx.state.credentials.findIndex(
    (c) => c.rpId === rpId && c.user.id === b64.encode(userId),
  );
  if (
    rk &&
    replaces < 0 &&
    ctx.state.credentials.length >= ctx.profile.maxDiscoverableCredentials
  ) {
    throw fail('CTAP2_ERR_KEY_STORE_FULL');
  }
  // 14. User presence, then the token authorises no further MC/GA.
  await requireUserPresence(ctx);
  consumeTokenForMcGa(token);

  // 15-17. Extensions, key generation, storage.
  const credProtect = (extensions.credProtect ?? 1) as 1 | 2 | 3;
  const privateKey = generateCredentialKey(alg);
  const credentialId = wrapCredentialId(b64.decode(ctx.state.masterKey), rpIdHash(rpId), {
    alg,
    privateKey,
    credProtect,
    discoverable: rk,
  });
  if (credentialId.length > MAX_CREDENTIAL_ID_LENGTH) throw new Error('credential ID too long');
  if (rk) {
    const stored = {
      id: b64.encode(credentialId),
      rpId,
      ...(rpName !== undefined ? { rpName } : {}),
      user: {
        id: b64.encode(userId),
        ...(userName !== undefined ? { name: userName } : {}),
        ...(displayName !== undefined ? { displayName } : {}),
      },
      alg,
      privateKey: b64.encode(privateKey),
      credProtect,
      created: ++ctx.state.credentialSeq,
    };
    if (replaces >= 0) ctx.state.credentials.splice(replaces, 1);
    ctx.state.credentials.push(stored);
  }
  const extOut = new Map<string, CborValue>();
  if (extensions.credProtect !== undefined) extOut.set('credProtect', credProtect);
  if (extensions.hmacSecret) extOut.set('hmac-secret', true);
  if (extensions.minPinLength && ctx.state.pin.minLengthRpIds.includes(rpId)) {
    extOut.set('minPinLength', ctx.state.pin.minLength);
  }
  const authData = buildAuthData({
    rpId,
    flags: AuthDataFlag.UP | (uv ? AuthDataFlag.UV : 0),
    signCount: nextSignCount(ctx),
    attested: {
      aaguid: aaguidBytes(ctx.profile.aaguid),
      credentialId,
      publicKey: publicCoseKey(alg, privateKey),
    },
    extensions: extOut,
  });

  // 19. Attestation statement.
  const out = new Map<number, CborValue>([[MakeCredentialResult.AUTH_DATA, authData]]);
  if (format === 'none') {
    out.set(MakeCredentialResult.FMT, 'none');
    out.set(MakeCredentialResult.ATT_STMT, new Map());
  } else {
    const material = await ctx.attestation();
    out.set(MakeCredentialResult.FMT, 'packed');
    out.set(
      MakeCredentialResult.ATT_STMT,
      packedStatement({ material, enterprise: useEnterprise, authData, clientDataHash }),
    );
    if (useEnterprise) out.set(MakeCredentialResult.EP_ATT, true);
  }
  return out;
};
