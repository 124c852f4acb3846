/**
 * authenticatorMakeCredential (CTAP 2.1 §6.1.2). The steps below follow the spec's numbering;
 * request reading and steps 2–11 live in makeCredential/.
 */
import { AuthDataFlag, type CborValue, MakeCredentialResult } from '@keyward/ctap/internal';
import { packedStatement } from '../attestation.ts';
import { buildAuthData, nextSignCount, rpIdHash } from '../authData.ts';
import type { CommandContext, CommandHandler } from '../context.ts';
import { MAX_CREDENTIAL_ID_LENGTH, wrapCredentialId } from '../credentialId.ts';
import { type CredentialAlg, generateCredentialKey, publicCoseKey } from '../credentialKey.ts';
import { findCredential } from '../credentials.ts';
import { fail } from '../ctapFailure.ts';
import { consumeTokenForMcGa } from '../pinUvAuth.ts';
import { answerTouchProbe, requireUserPresence } from '../presenceCheck.ts';
import { aaguidBytes } from '../profiles.ts';
import { b64 } from '../state.ts';
import { authoriseMakeCredential, requestProtocol } from './makeCredential/authorise.ts';
import {
  type MakeCredentialRequest,
  pickAlgorithm,
  readMakeCredentialRequest,
} from './makeCredential/request.ts';

/** Step 15-17: a new key pair; a discoverable one replaces the same rp.id + user.id. */
function createCredential(ctx: CommandContext, req: MakeCredentialRequest, alg: CredentialAlg) {
  const rk = req.options.rk === true;
  const credProtect = req.extensions.credProtect ?? 1;
  const privateKey = generateCredentialKey(alg);
  const credentialId = wrapCredentialId(b64.decode(ctx.state.masterKey), rpIdHash(req.rpId), {
    alg,
    privateKey,
    credProtect,
    discoverable: rk,
  });
  if (credentialId.length > MAX_CREDENTIAL_ID_LENGTH) throw new Error('credential ID too long');
  if (rk) {
    const userId = b64.encode(req.user.id);
    ctx.state.credentials = ctx.state.credentials.filter(
      (c) => !(c.rpId === req.rpId && c.user.id === userId),
    );
    ctx.state.credentials.push({
      id: b64.encode(credentialId),
      rpId: req.rpId,
      ...(req.rpName !== undefined ? { rpName: req.rpName } : {}),
      user: {
        id: userId,
        ...(req.user.name !== undefined ? { name: req.user.name } : {}),
        ...(req.user.displayName !== undefined ? { displayName: req.user.displayName } : {}),
      },
      alg,
      privateKey: b64.encode(privateKey),
      credProtect,
      created: ++ctx.state.credentialSeq,
    });
  }
  return { credentialId, privateKey, credProtect };
}

function extensionOutputs(ctx: CommandContext, req: MakeCredentialRequest, credProtect: number) {
  const out = new Map<string, CborValue>();
  if (req.extensions.credProtect !== undefined) out.set('credProtect', credProtect);
  if (req.extensions.hmacSecret) out.set('hmac-secret', true);
  if (req.extensions.minPinLength && ctx.state.pin.minLengthRpIds.includes(req.rpId)) {
    out.set('minPinLength', ctx.state.pin.minLength);
  }
  return out;
}

export const makeCredential: CommandHandler = async (ctx, params) => {
  const req = readMakeCredentialRequest(ctx, params);
  // 1. Zero-length pinUvAuthParam: "touch to select" probe.
  if (req.pinUvAuthParam?.length === 0) return answerTouchProbe(ctx);
  // 2. Protocol; 3. algorithm; 4-11. options, UV requirements, enterprise attestation, token.
  const protocol = requestProtocol(ctx, req);
  const alg = pickAlgorithm(req.pubKeyCredParams);
  const auth = authoriseMakeCredential(ctx, req, protocol);
  // 12. excludeList: a touch, then CREDENTIAL_EXCLUDED whatever the answer.
  for (const id of req.excludeList) {
    const found = findCredential(ctx, req.rpId, id);
    if (found && (found.credProtect !== 3 || auth.uv)) {
      await ctx.requestPresence();
      throw fail('CTAP2_ERR_CREDENTIAL_EXCLUDED');
    }
  }
  const userId = b64.encode(req.user.id);
  const replaces = ctx.state.credentials.some((c) => c.rpId === req.rpId && c.user.id === userId);
  const full = ctx.state.credentials.length >= ctx.profile.maxDiscoverableCredentials;
  if (req.options.rk === true && !replaces && full) throw fail('CTAP2_ERR_KEY_STORE_FULL');
  // 14. User presence; then the token authorises no further MC/GA.
  await requireUserPresence(ctx);
  consumeTokenForMcGa(auth.token);
  // 15-18. Credential, authenticator data.
  const cred = createCredential(ctx, req, alg);
  const authData = buildAuthData({
    rpId: req.rpId,
    flags: AuthDataFlag.UP | (auth.uv ? AuthDataFlag.UV : 0),
    signCount: nextSignCount(ctx),
    attested: {
      aaguid: aaguidBytes(ctx.profile.aaguid),
      credentialId: cred.credentialId,
      publicKey: publicCoseKey(alg, cred.privateKey),
    },
    extensions: extensionOutputs(ctx, req, cred.credProtect),
  });
  // 19. Attestation statement.
  const out = new Map<number, CborValue>([[MakeCredentialResult.AUTH_DATA, authData]]);
  if (req.format === 'none') {
    out.set(MakeCredentialResult.FMT, 'none');
    out.set(MakeCredentialResult.ATT_STMT, new Map());
    return out;
  }
  const material = await ctx.attestation();
  const { clientDataHash } = req;
  out.set(MakeCredentialResult.FMT, 'packed');
  out.set(
    MakeCredentialResult.ATT_STMT,
    packedStatement({ material, enterprise: auth.enterprise, authData, clientDataHash }),
  );
  if (auth.enterprise) out.set(MakeCredentialResult.EP_ATT, true);
  return out;
};
