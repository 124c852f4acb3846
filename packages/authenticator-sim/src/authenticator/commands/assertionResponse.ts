/** Builds one getAssertion / getNextAssertion response (CTAP 2.1 §6.2.3). */
import {
  AuthDataFlag,
  type CborMap,
  type CborValue,
  concatBytes,
  GetAssertionResult,
} from '@keyward/ctap/internal';
import { buildAuthData, nextSignCount } from '../authData.ts';
import type { CommandContext } from '../context.ts';
import { privateKeyObject, signWith } from '../credentialKey.ts';
import { credentialDescriptor } from '../credentials.ts';
import { type HmacSecretInput, hmacSecretOutput } from '../hmacSecret.ts';
import type { PendingAssertion } from '../runtime.ts';

export function assertionResponse(
  ctx: CommandContext,
  options: {
    credential: PendingAssertion;
    clientDataHash: Uint8Array;
    flags: number;
    hmacSecret: HmacSecretInput | undefined;
    numberOfCredentials?: number;
  },
): CborMap {
  const { credential, clientDataHash, flags, hmacSecret, numberOfCredentials } = options;
  const uv = (flags & AuthDataFlag.UV) !== 0;
  const extensions = new Map<string, CborValue>();
  if (hmacSecret) {
    extensions.set('hmac-secret', hmacSecretOutput(ctx, hmacSecret, credential.credentialId, uv));
  }
  const authData = buildAuthData({
    rpId: credential.rpId,
    flags,
    signCount: nextSignCount(ctx),
    extensions,
  });
  const key = privateKeyObject(credential.alg, credential.privateKey);
  const signature = signWith(key, credential.alg, concatBytes(authData, clientDataHash));
  const out = new Map<number, CborValue>([
    [GetAssertionResult.CREDENTIAL, credentialDescriptor(credential.credentialId)],
    [GetAssertionResult.AUTH_DATA, authData],
    [GetAssertionResult.SIGNATURE, signature],
  ]);
  if (credential.user) {
    // Identifying user fields only after user verification (CTAP 2.1 §6.2.2 step 12).
    const user = new Map<string, CborValue>([['id', credential.user.id]]);
    if (uv && credential.user.name !== undefined) user.set('name', credential.user.name);
    if (uv && credential.user.displayName !== undefined) {
      user.set('displayName', credential.user.displayName);
    }
    out.set(GetAssertionResult.USER, user);
  }
  if (numberOfCredentials !== undefined) {
    out.set(GetAssertionResult.NUMBER_OF_CREDENTIALS, numberOfCredentials);
  }
  return out;
}
