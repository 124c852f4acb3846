/**
 * hmac-secret extension, getAssertion side (CTAP 2.1 §12.5): salts arrive encrypted under the
 * PIN/UV protocol shared secret; output = encrypt(HMAC-SHA-256(CredRandom, salt1) [‖ salt2]).
 * CredRandom is derived from the master key and the credential ID, one value with UV and one
 * without, so it needs no storage and dies with Reset.
 */
import { createHmac } from 'node:crypto';
import { type CborMap, cbor, concatBytes } from '@keyward/ctap/internal';
import type { CommandContext } from './context.ts';
import { fail } from './ctapFailure.ts';
import { protocolFor, sharedSecretWith, verifySharedSecretAuth } from './pinUvAuth.ts';
import { b64 } from './state.ts';

export type HmacSecretInput = { protocol: 1 | 2; sharedSecret: Uint8Array; salts: Uint8Array };

export function readHmacSecretInput(ctx: CommandContext, ext: CborMap): HmacSecretInput {
  const keyAgreement = cbor.reqMap(ext, 1, 'hmac-secret.keyAgreement');
  const saltEnc = cbor.reqBytes(ext, 2, 'hmac-secret.saltEnc');
  const saltAuth = cbor.reqBytes(ext, 3, 'hmac-secret.saltAuth');
  const version = cbor.optUint(ext, 4, 'hmac-secret.pinUvAuthProtocol') ?? 1;
  const protocol = protocolFor(ctx, version);
  const sharedSecret = sharedSecretWith(ctx, protocol, keyAgreement);
  verifySharedSecretAuth(protocol, sharedSecret, saltEnc, saltAuth);
  let salts: Uint8Array;
  try {
    salts = protocol.decrypt(sharedSecret, saltEnc);
  } catch {
    throw fail('CTAP1_ERR_INVALID_LENGTH', 'hmac-secret.saltEnc');
  }
  if (salts.length !== 32 && salts.length !== 64) {
    throw fail('CTAP1_ERR_INVALID_LENGTH', `hmac-secret salts are ${salts.length} bytes`);
  }
  return { protocol: protocol.version, sharedSecret, salts };
}

export function hmacSecretOutput(
  ctx: CommandContext,
  input: HmacSecretInput,
  credentialId: Uint8Array,
  uv: boolean,
): Uint8Array {
  const credRandom = createHmac('sha256', b64.decode(ctx.state.masterKey))
    .update(uv ? 'hmac-secret-uv' : 'hmac-secret')
    .update(credentialId)
    .digest();
  const outputs: Uint8Array[] = [];
  for (let at = 0; at < input.salts.length; at += 32) {
    const salt = input.salts.subarray(at, at + 32);
    outputs.push(new Uint8Array(createHmac('sha256', credRandom).update(salt).digest()));
  }
  const protocol = protocolFor(ctx, input.protocol);
  return protocol.encrypt(input.sharedSecret, concatBytes(...outputs));
}
