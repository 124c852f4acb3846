/**
 * The PIN/UV auth rules shared by authenticatorClientPIN, makeCredential, getAssertion,
 * credentialManagement, config and the vendor commands (CTAP 2.1 §6.5).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type CborMap,
  decapsulate,
  generateKeyAgreementKey,
  type PinUvAuthProtocol,
  pinProtocol,
} from '@keyward/ctap/internal';
import type { CommandContext } from './context.ts';
import { fail } from './ctapFailure.ts';
import {
  MISMATCHES_BEFORE_POWER_CYCLE,
  type PinUvToken,
  TOKEN_INITIAL_USAGE_MS,
  TOKEN_MAX_LIFETIME_MS,
} from './runtime.ts';
import { b64, PIN_MAX_RETRIES } from './state.ts';

/** The protocol object for a requested version, if this profile supports it (else 0x02). */
export function protocolFor(ctx: CommandContext, version: number): PinUvAuthProtocol {
  const protocol = pinProtocol(version);
  if (!protocol || !ctx.profile.pinUvAuthProtocols.includes(protocol.version)) {
    throw fail('CTAP1_ERR_INVALID_PARAMETER', `pinUvAuthProtocol ${version} is not supported`);
  }
  return protocol;
}

/** The shared secret with the platform's key-agreement key (invalid point → 0x02). */
export function sharedSecretWith(
  ctx: CommandContext,
  protocol: PinUvAuthProtocol,
  platformKey: CborMap,
): Uint8Array {
  try {
    return decapsulate(protocol, ctx.runtime.keyAgreement[protocol.version], platformKey);
  } catch {
    throw fail('CTAP1_ERR_INVALID_PARAMETER', 'keyAgreement is not a valid P-256 public key');
  }
}

/** Verifies pinUvAuthParam made with the shared secret (setPIN, changePIN, vendor commands). */
export function verifySharedSecretAuth(
  protocol: PinUvAuthProtocol,
  sharedSecret: Uint8Array,
  message: Uint8Array,
  param: Uint8Array,
): void {
  if (param.length !== protocol.authParamLength) {
    throw fail('CTAP2_ERR_PIN_AUTH_INVALID', `pinUvAuthParam is ${param.length} bytes`);
  }
  if (!protocol.verify(sharedSecret, message, param)) throw fail('CTAP2_ERR_PIN_AUTH_INVALID');
}

function decryptOrInvalid(protocol: PinUvAuthProtocol, key: Uint8Array, data: Uint8Array) {
  try {
    return protocol.decrypt(key, data);
  } catch {
    throw fail('CTAP1_ERR_INVALID_PARAMETER', 'ciphertext has the wrong length');
  }
}

/**
 * Checks pinHashEnc against a stored PIN hash, CTAP 2.1 §6.5.5.5 steps: blocked for this power
 * cycle → 0x34; decrement retries first; mismatch → new key-agreement key, 0 retries → 0x32,
 * 3 consecutive → 0x34, else 0x31; match → retries back to the maximum.
 */
export function verifyPinHashEnc(
  ctx: CommandContext,
  protocol: PinUvAuthProtocol,
  sharedSecret: Uint8Array,
  pinHashEnc: Uint8Array,
): void {
  const { pin } = ctx.state;
  if (ctx.runtime.consecutiveMismatches >= MISMATCHES_BEFORE_POWER_CYCLE) {
    throw fail('CTAP2_ERR_PIN_AUTH_BLOCKED');
  }
  const expectedLength = protocol.version === 1 ? 16 : 32;
  if (pinHashEnc.length !== expectedLength) {
    throw fail('CTAP1_ERR_INVALID_PARAMETER', `pinHashEnc is ${pinHashEnc.length} bytes`);
  }
  pin.retries = Math.max(0, pin.retries - 1);
  const given = decryptOrInvalid(protocol, sharedSecret, pinHashEnc);
  const stored = b64.decode(pin.hash ?? '');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) {
    ctx.runtime.keyAgreement[protocol.version] = generateKeyAgreementKey();
    if (pin.retries === 0) throw fail('CTAP2_ERR_PIN_BLOCKED');
    ctx.runtime.consecutiveMismatches += 1;
    if (ctx.runtime.consecutiveMismatches >= MISMATCHES_BEFORE_POWER_CYCLE) {
      throw fail('CTAP2_ERR_PIN_AUTH_BLOCKED');
    }
    throw fail('CTAP2_ERR_PIN_INVALID');
  }
  pin.retries = PIN_MAX_RETRIES;
  ctx.runtime.consecutiveMismatches = 0;
}

export type NewPin = { hash: string; codePoints: number };

/**
 * Decrypts newPinEnc and applies the PIN policy (CTAP 2.1 §6.5.5.5 setPIN steps): 64 bytes
 * decrypted, PIN = bytes before the first zero, ≤ 63 bytes, ≥ minPINLength code points.
 */
export function decryptNewPin(
  ctx: CommandContext,
  protocol: PinUvAuthProtocol,
  sharedSecret: Uint8Array,
  newPinEnc: Uint8Array,
): NewPin {
  const padded = decryptOrInvalid(protocol, sharedSecret, newPinEnc);
  if (padded.length !== 64) {
    throw fail('CTAP1_ERR_INVALID_PARAMETER', `newPinEnc decrypts to ${padded.length} bytes`);
  }
  const end = padded.indexOf(0);
  if (end < 0) throw fail('CTAP2_ERR_PIN_POLICY_VIOLATION', 'PIN has no terminating zero');
  const utf8 = padded.subarray(0, end);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(utf8);
  } catch {
    throw fail('CTAP2_ERR_PIN_POLICY_VIOLATION', 'PIN is not UTF-8');
  }
  const codePoints = [...text].length;
  if (codePoints < ctx.state.pin.minLength) {
    throw fail(
      'CTAP2_ERR_PIN_POLICY_VIOLATION',
      `PIN has ${codePoints} code points, minimum is ${ctx.state.pin.minLength}`,
    );
  }
  const hash = new Uint8Array(createHash('sha256').update(utf8).digest().subarray(0, 16));
  return { hash: b64.encode(hash), codePoints };
}

/** Stores a new user PIN: retries back to 8, forcePINChange cleared, old tokens invalid. */
export function storeUserPin(ctx: CommandContext, pin: NewPin): void {
  ctx.state.pin.hash = pin.hash;
  ctx.state.pin.codePoints = pin.codePoints;
  ctx.state.pin.retries = PIN_MAX_RETRIES;
  ctx.state.pin.forceChange = false;
  ctx.runtime.consecutiveMismatches = 0;
  ctx.runtime.token = undefined;
}

/** resetPinUvAuthToken + beginUsingPinUvAuthToken (CTAP 2.1 §6.5.2.1). */
export function issueToken(
  ctx: CommandContext,
  protocol: PinUvAuthProtocol,
  permissions: number,
  rpId: string | undefined,
): Uint8Array {
  const token: PinUvToken = {
    value: new Uint8Array(randomBytes(32)),
    protocol: protocol.version,
    permissions,
    userVerified: true,
    userPresent: false,
    issuedAt: ctx.clock.now(),
    used: false,
  };
  if (rpId !== undefined) token.rpId = rpId;
  ctx.runtime.token = token;
  return token.value;
}

/**
 * Verifies a pinUvAuthParam made with the pinUvAuthToken and returns the token. Any failure —
 * no token, expired, other protocol, bad MAC, missing permission — is PIN_AUTH_INVALID (CTAP 2.1
 * §6.1.2 step 11, §6.2.2 step 8, §6.8.2, §6.11.2); a wrong-length param is INVALID_PARAMETER.
 */
export function verifyToken(
  ctx: CommandContext,
  options: {
    protocol: PinUvAuthProtocol;
    param: Uint8Array;
    message: Uint8Array;
    permission: number;
  },
): PinUvToken {
  const { protocol, param, message, permission } = options;
  if (param.length !== protocol.authParamLength) {
    throw fail('CTAP1_ERR_INVALID_PARAMETER', `pinUvAuthParam is ${param.length} bytes`);
  }
  if (ctx.runtime.consecutiveMismatches >= MISMATCHES_BEFORE_POWER_CYCLE) {
    throw fail('CTAP2_ERR_PIN_AUTH_BLOCKED');
  }
  const token = ctx.runtime.token;
  const now = ctx.clock.now();
  if (
    !token ||
    token.protocol !== protocol.version ||
    now - token.issuedAt > TOKEN_MAX_LIFETIME_MS ||
    (!token.used && now - token.issuedAt > TOKEN_INITIAL_USAGE_MS)
  ) {
    throw fail('CTAP2_ERR_PIN_AUTH_INVALID', 'no valid pinUvAuthToken');
  }
  if (!protocol.verify(token.value, message, param)) throw fail('CTAP2_ERR_PIN_AUTH_INVALID');
  if ((token.permissions & permission) === 0) {
    throw fail('CTAP2_ERR_PIN_AUTH_INVALID', 'pinUvAuthToken lacks the permission');
  }
  token.used = true;
  return token;
}

/** Binds the token to an RP ID, or checks the binding (mismatch → PIN_AUTH_INVALID). */
export function bindTokenRpId(token: PinUvToken, rpId: string): void {
  if (token.rpId === undefined) token.rpId = rpId;
  else if (token.rpId !== rpId) {
    throw fail('CTAP2_ERR_PIN_AUTH_INVALID', 'pinUvAuthToken is bound to another RP ID');
  }
}

/** After an MC/GA with user presence: the token authorises no further MC/GA (§6.5.2.1). */
export function consumeTokenForMcGa(token: PinUvToken | undefined): void {
  if (!token) return;
  token.userPresent = false;
  token.userVerified = false;
  token.permissions &= 0x10;
}
