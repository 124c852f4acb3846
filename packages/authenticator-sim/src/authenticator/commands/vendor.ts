/**
 * The keyward-sim vendor commands (packages/ctap src/vendor/keywardSimProtocol.ts): serial
 * number, admin PIN with its own retry counter, admin unlock, remote-unlock challenge/response.
 * Secrets travel encrypted under the clientPIN shared secret, like authenticatorClientPIN.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  ADMIN_PIN_MAX_RETRIES,
  type CborMap,
  type CborValue,
  cbor,
  concatBytes,
  KeywardVendorCmd,
  type PinUvAuthProtocol,
  remoteUnlockResponse,
  UNLOCK_CHALLENGE_LENGTH,
  UNLOCK_SECRET_LENGTH,
} from '@keyward/ctap/internal';
import type { CommandContext } from '../context.ts';
import { fail } from '../ctapFailure.ts';
import {
  decryptNewPin,
  protocolFor,
  sharedSecretWith,
  storeUserPin,
  verifySharedSecretAuth,
} from '../pinUvAuth.ts';
import { b64 } from '../state.ts';

type Session = { protocol: PinUvAuthProtocol; shared: Uint8Array };

function session(ctx: CommandContext, params: CborMap): Session {
  const version = cbor.reqUint(params, 1, 'pinUvAuthProtocol');
  const keyAgreement = cbor.reqMap(params, 2, 'keyAgreement');
  const protocol = protocolFor(ctx, version);
  return { protocol, shared: sharedSecretWith(ctx, protocol, keyAgreement) };
}

function decrypt(s: Session, data: Uint8Array, field: string): Uint8Array {
  try {
    return s.protocol.decrypt(s.shared, data);
  } catch {
    throw fail('CTAP1_ERR_INVALID_PARAMETER', `${field} has the wrong length`);
  }
}

/** Checks adminPinHashEnc against the admin PIN: own counter, blocked at 0 (until Reset). */
function verifyAdminPin(ctx: CommandContext, s: Session, adminPinHashEnc: Uint8Array): void {
  const { admin } = ctx.state;
  if (admin.pinHash === undefined) throw fail('CTAP2_ERR_PIN_NOT_SET', 'no admin PIN');
  if (admin.retries === 0) throw fail('CTAP2_ERR_PIN_BLOCKED', 'admin PIN blocked');
  admin.retries -= 1;
  const given = decrypt(s, adminPinHashEnc, 'adminPinHashEnc');
  const stored = b64.decode(admin.pinHash);
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) {
    throw fail(admin.retries === 0 ? 'CTAP2_ERR_PIN_BLOCKED' : 'CTAP2_ERR_PIN_INVALID');
  }
  admin.retries = ADMIN_PIN_MAX_RETRIES;
}

function setAdminPin(ctx: CommandContext, params: CborMap): undefined {
  const s = session(ctx, params);
  const newEnc = cbor.reqBytes(params, 3, 'newAdminPinEnc');
  const param = cbor.reqBytes(params, 4, 'pinUvAuthParam');
  const hashEnc = cbor.optBytes(params, 5, 'adminPinHashEnc');
  if (ctx.state.admin.pinHash !== undefined && hashEnc === undefined) {
    throw fail('CTAP2_ERR_MISSING_PARAMETER', 'adminPinHashEnc');
  }
  verifySharedSecretAuth(
    s.protocol,
    s.shared,
    concatBytes(newEnc, hashEnc ?? new Uint8Array()),
    param,
  );
  if (hashEnc !== undefined && ctx.state.admin.pinHash !== undefined) {
    verifyAdminPin(ctx, s, hashEnc);
  }
  const next = decryptNewPin(ctx, s.protocol, s.shared, newEnc);
  ctx.state.admin.pinHash = next.hash;
  ctx.state.admin.retries = ADMIN_PIN_MAX_RETRIES;
  return undefined;
}

function adminUnlock(ctx: CommandContext, params: CborMap): undefined {
  const s = session(ctx, params);
  const hashEnc = cbor.reqBytes(params, 3, 'adminPinHashEnc');
  const newPinEnc = cbor.reqBytes(params, 4, 'newPinEnc');
  const param = cbor.reqBytes(params, 5, 'pinUvAuthParam');
  verifySharedSecretAuth(s.protocol, s.shared, concatBytes(newPinEnc, hashEnc), param);
  verifyAdminPin(ctx, s, hashEnc);
  storeUserPin(ctx, decryptNewPin(ctx, s.protocol, s.shared, newPinEnc));
  return undefined;
}

function verifyAdminPinCommand(ctx: CommandContext, params: CborMap): undefined {
  const s = session(ctx, params);
  const hashEnc = cbor.reqBytes(params, 3, 'adminPinHashEnc');
  const param = cbor.reqBytes(params, 4, 'pinUvAuthParam');
  verifySharedSecretAuth(s.protocol, s.shared, hashEnc, param);
  verifyAdminPin(ctx, s, hashEnc);
  return undefined;
}

function setUnlockSecret(ctx: CommandContext, params: CborMap): undefined {
  const s = session(ctx, params);
  const secretEnc = cbor.reqBytes(params, 3, 'secretEnc');
  const hashEnc = cbor.reqBytes(params, 4, 'adminPinHashEnc');
  const param = cbor.reqBytes(params, 5, 'pinUvAuthParam');
  verifySharedSecretAuth(s.protocol, s.shared, concatBytes(secretEnc, hashEnc), param);
  verifyAdminPin(ctx, s, hashEnc);
  const secret = decrypt(s, secretEnc, 'secretEnc');
  if (secret.length !== UNLOCK_SECRET_LENGTH) {
    throw fail('CTAP1_ERR_INVALID_LENGTH', `unlock secret is ${secret.length} bytes, expected 32`);
  }
  ctx.state.admin.unlockSecret = b64.encode(secret);
  return undefined;
}

function remoteUnlock(ctx: CommandContext, params: CborMap): undefined {
  const s = session(ctx, params);
  const response = cbor.reqBytes(params, 3, 'response');
  const newPinEnc = cbor.reqBytes(params, 4, 'newPinEnc');
  const param = cbor.reqBytes(params, 5, 'pinUvAuthParam');
  verifySharedSecretAuth(s.protocol, s.shared, concatBytes(newPinEnc, response), param);
  const challenge = ctx.runtime.unlockChallenge;
  const secret = ctx.state.admin.unlockSecret;
  if (!challenge || secret === undefined) throw fail('CTAP2_ERR_NOT_ALLOWED', 'no challenge');
  // A challenge answers once, right or wrong, so responses cannot be guessed online.
  ctx.runtime.unlockChallenge = undefined;
  const expected = remoteUnlockResponse(b64.decode(secret), challenge);
  if (response.length !== expected.length || !timingSafeEqual(response, expected)) {
    throw fail('CTAP2_ERR_PIN_AUTH_INVALID', 'wrong unlock response');
  }
  storeUserPin(ctx, decryptNewPin(ctx, s.protocol, s.shared, newPinEnc));
  return undefined;
}

/** Runs a vendor command; commands of admin mode exist only on profiles that have it. */
export async function vendorCommand(
  ctx: CommandContext,
  cmd: number,
  params: CborMap,
): Promise<CborMap | undefined> {
  const V = KeywardVendorCmd;
  if (cmd === V.GET_SERIAL) return new Map([[1, ctx.state.serial]]);
  if (!ctx.profile.adminMode) throw fail('CTAP1_ERR_INVALID_COMMAND');
  switch (cmd) {
    case V.SET_ADMIN_PIN:
      return setAdminPin(ctx, params);
    case V.GET_ADMIN_RETRIES:
      return new Map<number, CborValue>([
        [1, ctx.state.admin.retries],
        [2, ctx.state.admin.pinHash !== undefined],
      ]);
    case V.ADMIN_UNLOCK:
      return adminUnlock(ctx, params);
    case V.GET_UNLOCK_CHALLENGE: {
      const challenge = new Uint8Array(randomBytes(UNLOCK_CHALLENGE_LENGTH));
      ctx.runtime.unlockChallenge = challenge;
      return new Map([[1, challenge]]);
    }
    case V.REMOTE_UNLOCK:
      return remoteUnlock(ctx, params);
    case V.SET_UNLOCK_SECRET:
      return setUnlockSecret(ctx, params);
    case V.VERIFY_ADMIN_PIN:
      return verifyAdminPinCommand(ctx, params);
    default:
      throw fail('CTAP1_ERR_INVALID_COMMAND');
  }
}
