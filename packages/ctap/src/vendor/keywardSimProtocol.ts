/**
 * The vendor protocol of Keyward's software authenticator ("keyward-sim"): the commands real
 * enterprise keys offer in some vendor-specific form (serial number, admin PIN, admin unlock,
 * remote-unlock challenge/response), placed in the CTAP vendor command range 0x40–0xBF
 * (CTAP 2.1 §6 "vendor specific commands"), away from the 0x40/0x41 prototype commands.
 *
 * Every command is `command byte ‖ CBOR map` → `status byte ‖ CBOR map`, like CTAP2 commands.
 * Secrets cross the wire only encrypted under a PIN/UV auth protocol shared secret, exactly as
 * authenticatorClientPIN does (same keyAgreement, same encrypt/authenticate).
 *
 * The host side (packages/ctap vendor profile) and the simulator both build on this file.
 */
import { createHmac } from 'node:crypto';

/** Command bytes. */
export const KeywardVendorCmd = {
  /** {} → {1: serial (text)} */
  GET_SERIAL: 0x50,
  /**
   * Sets the admin PIN the first time, or changes it.
   * {1: pinUvAuthProtocol, 2: keyAgreement, 3: newAdminPinEnc (padded like newPinEnc),
   *  4: pinUvAuthParam = authenticate(sharedSecret, newAdminPinEnc ‖ adminPinHashEnc?),
   *  5?: adminPinHashEnc (required when an admin PIN is already set)} → {}
   */
  SET_ADMIN_PIN: 0x51,
  /** {} → {1: adminPinRetries (uint), 2: adminPinSet (bool)} */
  GET_ADMIN_RETRIES: 0x52,
  /**
   * Unblocks a PIN-blocked (or any) key with the admin PIN by setting a new user PIN.
   * {1: pinUvAuthProtocol, 2: keyAgreement, 3: adminPinHashEnc, 4: newPinEnc,
   *  5: pinUvAuthParam = authenticate(sharedSecret, newPinEnc ‖ adminPinHashEnc)} → {}
   * User PIN retries go back to 8; the admin PIN has its own retry counter.
   */
  ADMIN_UNLOCK: 0x53,
  /** {} → {1: challenge (16 bytes)}; a new challenge each call, valid until used or power cycle. */
  GET_UNLOCK_CHALLENGE: 0x54,
  /**
   * {1: pinUvAuthProtocol, 2: keyAgreement, 3: response (16 bytes, see remoteUnlockResponse),
   *  4: newPinEnc, 5: pinUvAuthParam = authenticate(sharedSecret, newPinEnc ‖ response)} → {}
   */
  REMOTE_UNLOCK: 0x55,
  /**
   * Provisions the per-device remote-unlock secret (32 bytes), authorised by the admin PIN.
   * {1: pinUvAuthProtocol, 2: keyAgreement, 3: secretEnc, 4: adminPinHashEnc,
   *  5: pinUvAuthParam = authenticate(sharedSecret, secretEnc ‖ adminPinHashEnc)} → {}
   */
  SET_UNLOCK_SECRET: 0x56,
  /**
   * Proves the admin PIN and changes nothing else, so a host can refuse a managed-key reset
   * before it asks the user to re-insert the key. Counts like every admin command: a wrong PIN
   * answers CTAP2_ERR_PIN_INVALID and takes one admin retry (PIN_BLOCKED at 0), a right one
   * restores them; no admin PIN set answers CTAP2_ERR_PIN_NOT_SET.
   * {1: pinUvAuthProtocol, 2: keyAgreement, 3: adminPinHashEnc,
   *  4: pinUvAuthParam = authenticate(sharedSecret, adminPinHashEnc)} → {}
   */
  VERIFY_ADMIN_PIN: 0x57,
} as const;
export type KeywardVendorCmd = (typeof KeywardVendorCmd)[keyof typeof KeywardVendorCmd];

/** Admin PIN retry counter start value; at 0 only authenticatorReset recovers the key. */
export const ADMIN_PIN_MAX_RETRIES = 8;

/** Length of the remote-unlock challenge and response, in bytes. */
export const UNLOCK_CHALLENGE_LENGTH = 16;
export const UNLOCK_SECRET_LENGTH = 32;

/**
 * The response an administrator's console computes for a challenge a locked key shows:
 * LEFT(HMAC-SHA-256(unlockSecret, "keyward-remote-unlock-v1" ‖ challenge), 16).
 * The label keeps the secret from being usable as a MAC key for anything else.
 */
export function remoteUnlockResponse(unlockSecret: Uint8Array, challenge: Uint8Array): Uint8Array {
  if (unlockSecret.length !== UNLOCK_SECRET_LENGTH) {
    throw new TypeError(
      `unlock secret must be ${UNLOCK_SECRET_LENGTH} bytes, was ${unlockSecret.length}`,
    );
  }
  if (challenge.length !== UNLOCK_CHALLENGE_LENGTH) {
    throw new TypeError(
      `challenge must be ${UNLOCK_CHALLENGE_LENGTH} bytes, was ${challenge.length}`,
    );
  }
  const mac = createHmac('sha256', unlockSecret)
    .update('keyward-remote-unlock-v1')
    .update(challenge)
    .digest();
  return new Uint8Array(mac.subarray(0, UNLOCK_CHALLENGE_LENGTH));
}

/** AAGUIDs of the simulator's device profiles (random v4 UUIDs fixed for Keyward). */
export const KeywardSimAaguid = {
  generic: '8f4c0add-96f0-404f-80e0-4cb0c1012d04',
  enterprise: '8f0e0c5a-e2b6-4033-8a26-2c51078fbaa4',
  ctap20: '8578266f-9669-4a40-b4ee-32c309179841',
  'nfc-only': '106119e2-c5c6-4348-854c-76a3dea7cbd0',
} as const;
export type KeywardSimProfile = keyof typeof KeywardSimAaguid;
