/** authenticatorCredentialManagement (CTAP 2.1 §6.8). */
import {
  bytesEqual,
  type CborMap,
  type CborValue,
  CredMgmtParam,
  CredMgmtResult,
  CredMgmtSubCmd,
  cbor,
  concatBytes,
  encodeCanonical,
  PinUvPermission,
} from '@keyward/ctap/internal';
import { rpIdHash } from '../authData.ts';
import type { CommandContext, CommandHandler } from '../context.ts';
import { publicCoseKey } from '../credentialKey.ts';
import { credentialDescriptor, findStoredById, userEntity } from '../credentials.ts';
import { fail } from '../ctapFailure.ts';
import { protocolFor, verifyToken } from '../pinUvAuth.ts';
import { b64, type StoredCredential } from '../state.ts';

const S = CredMgmtSubCmd;

function rpsOf(ctx: CommandContext): string[] {
  return [...new Set(ctx.state.credentials.map((c) => c.rpId))];
}

function rpEntry(ctx: CommandContext, rpId: string, total?: number): CborMap {
  const named = ctx.state.credentials.find((c) => c.rpId === rpId && c.rpName !== undefined);
  const rp = new Map<string, CborValue>([['id', rpId]]);
  if (named?.rpName !== undefined) rp.set('name', named.rpName);
  const out = new Map<number, CborValue>([
    [CredMgmtResult.RP, rp],
    [CredMgmtResult.RP_ID_HASH, rpIdHash(rpId)],
  ]);
  if (total !== undefined) out.set(CredMgmtResult.TOTAL_RPS, total);
  return out;
}

function credentialEntry(stored: StoredCredential, total?: number): CborMap {
  const out = new Map<number, CborValue>([
    [CredMgmtResult.USER, userEntity(stored, true)],
    [CredMgmtResult.CREDENTIAL_ID, credentialDescriptor(b64.decode(stored.id))],
    [CredMgmtResult.PUBLIC_KEY, publicCoseKey(stored.alg, b64.decode(stored.privateKey))],
  ]);
  if (total !== undefined) out.set(CredMgmtResult.TOTAL_CREDENTIALS, total);
  out.set(CredMgmtResult.CRED_PROTECT, stored.credProtect);
  return out;
}

/** pinUvAuthParam over subCommand ‖ CBOR(subCommandParams), cm permission (§6.8.2). */
function authorise(ctx: CommandContext, params: CborMap, sub: number) {
  const P = CredMgmtParam;
  const param = cbor.optBytes(params, P.PIN_UV_AUTH_PARAM, 'pinUvAuthParam');
  const version = cbor.optUint(params, P.PIN_UV_AUTH_PROTOCOL, 'pinUvAuthProtocol');
  const subParams = cbor.optMap(params, P.SUB_COMMAND_PARAMS, 'subCommandParams');
  if (param === undefined) throw fail('CTAP2_ERR_PUAT_REQUIRED');
  if (version === undefined) throw fail('CTAP2_ERR_MISSING_PARAMETER', 'pinUvAuthProtocol');
  const protocol = protocolFor(ctx, version);
  const message = subParams
    ? concatBytes(Uint8Array.of(sub), encodeCanonical(subParams))
    : Uint8Array.of(sub);
  return verifyToken(ctx, {
    protocol,
    param,
    message,
    permission: PinUvPermission.CREDENTIAL_MANAGEMENT,
  });
}

function checkTokenRp(token: { rpId?: string }, rpId: string | undefined) {
  if (token.rpId !== undefined && token.rpId !== rpId) {
    throw fail('CTAP2_ERR_PIN_AUTH_INVALID', 'pinUvAuthToken is bound to another RP ID');
  }
}

export const credentialManagement: CommandHandler = async (ctx, params) => {
  const sub = cbor.reqUint(params, CredMgmtParam.SUB_COMMAND, 'subCommand');
  const subParams =
    cbor.optMap(params, CredMgmtParam.SUB_COMMAND_PARAMS, 'subCommandParams') ?? new Map();
  const session = ctx.runtime.credMgmt;
  ctx.runtime.credMgmt = undefined;
  switch (sub) {
    case S.ENUMERATE_RPS_GET_NEXT_RP: {
      if (session?.kind !== 'rps' || session.rpIds.length === 0)
        throw fail('CTAP2_ERR_NOT_ALLOWED');
      const rpId = session.rpIds.shift()!;
      ctx.runtime.credMgmt = session;
      return rpEntry(ctx, rpId);
    }
    case S.ENUMERATE_CREDENTIALS_GET_NEXT_CREDENTIAL: {
      if (session?.kind !== 'credentials' || session.ids.length === 0) {
        throw fail('CTAP2_ERR_NOT_ALLOWED');
      }
      const id = session.ids.shift()!;
      const stored = ctx.state.credentials.find((c) => c.id === id);
      if (!stored) throw fail('CTAP2_ERR_NOT_ALLOWED', 'credential deleted meanwhile');
      ctx.runtime.credMgmt = session;
      return credentialEntry(stored);
    }
    case S.GET_CREDS_METADATA: {
      const token = authorise(ctx, params, sub);
      checkTokenRp(token, undefined);
      return new Map([
        [CredMgmtResult.EXISTING_RESIDENT_CREDENTIALS_COUNT, ctx.state.credentials.length],
        [
          CredMgmtResult.MAX_POSSIBLE_REMAINING_RESIDENT_CREDENTIALS_COUNT,
          ctx.profile.maxDiscoverableCredentials - ctx.state.credentials.length,
        ],
      ]);
    }
    case S.ENUMERATE_RPS_BEGIN: {
      const token = authorise(ctx, params, sub);
      checkTokenRp(token, undefined);
      const rpIds = rpsOf(ctx);
      if (rpIds.length === 0) throw fail('CTAP2_ERR_NO_CREDENTIALS');
      const first = rpIds.shift()!;
      ctx.runtime.credMgmt = { kind: 'rps', rpIds };
      return rpEntry(ctx, first, rpIds.length + 1);
    }
    case S.ENUMERATE_CREDENTIALS_BEGIN: {
      const hash = cbor.reqBytes(subParams, 0x01, 'subCommandParams.rpIDHash');
      const token = authorise(ctx, params, sub);
      const creds = ctx.state.credentials
        .filter((c) => bytesEqual(rpIdHash(c.rpId), hash))
        .sort((a, b) => a.created - b.created);
      if (token.rpId !== undefined && !bytesEqual(rpIdHash(token.rpId), hash)) {
        throw fail('CTAP2_ERR_PIN_AUTH_INVALID', 'pinUvAuthToken is bound to another RP ID');
      }
      if (creds.length === 0) throw fail('CTAP2_ERR_NO_CREDENTIALS');
      ctx.runtime.credMgmt = { kind: 'credentials', ids: creds.slice(1).map((c) => c.id) };
      return credentialEntry(creds[0]!, creds.length);
    }
    case S.DELETE_CREDENTIAL:
    case S.UPDATE_USER_INFORMATION: {
      const descriptor = cbor.reqMap(subParams, 0x02, 'subCommandParams.credentialID');
      const id = cbor.reqBytes(descriptor, 'id', 'subCommandParams.credentialID.id');
      const user =
        sub === S.UPDATE_USER_INFORMATION
          ? cbor.reqMap(subParams, 0x03, 'subCommandParams.user')
          : undefined;
      const token = authorise(ctx, params, sub);
      const stored = findStoredById(ctx, id);
      if (!stored) throw fail('CTAP2_ERR_NO_CREDENTIALS');
      checkTokenRp(token, stored.rpId);
      if (!user) {
        ctx.state.credentials = ctx.state.credentials.filter((c) => c !== stored);
        return undefined;
      }
      const userId = cbor.reqBytes(user, 'id', 'user.id');
      if (b64.encode(userId) !== stored.user.id) {
        throw fail('CTAP1_ERR_INVALID_PARAMETER', 'user.id does not match the credential');
      }
      const name = cbor.optText(user, 'name', 'user.name');
      const displayName = cbor.optText(user, 'displayName', 'user.displayName');
      // Absent or empty fields are removed (CTAP 2.1 §6.8.7).
      stored.user = {
        id: stored.user.id,
        ...(name ? { name } : {}),
        ...(displayName ? { displayName } : {}),
      };
      return undefined;
    }
    default:
      throw fail('CTAP2_ERR_INVALID_SUBCOMMAND', `subCommand ${sub}`);
  }
};
