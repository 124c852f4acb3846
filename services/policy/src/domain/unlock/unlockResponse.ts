import { createHmac, randomBytes } from 'node:crypto';

/**
 * Remote unlock (keyward-sim vendor protocol, packages/ctap/src/vendor/keywardSimProtocol.ts).
 * A locked key shows a 16-byte challenge; the administrator's console answers with
 *
 *   response = LEFT(HMAC-SHA-256(unlockSecret, "keyward-remote-unlock-v1" ‖ challenge), 16)
 *
 * where unlockSecret is the 32-byte per-device secret the policy service generated, sealed in
 * the vault and had provisioned into the key (SET_UNLOCK_SECRET). Same definition as
 * `remoteUnlockResponse` in @keyward/ctap/internal; test/unlockInterop.test.ts pins the two.
 */
export const UNLOCK_LABEL = 'keyward-remote-unlock-v1';
export const UNLOCK_SECRET_BYTES = 32;
export const UNLOCK_CHALLENGE_BYTES = 16;

export interface UnlockResponseOptions {
  unlockSecret: Uint8Array;
  challenge: Uint8Array;
}

export function computeUnlockResponse({ unlockSecret, challenge }: UnlockResponseOptions): Buffer {
  if (unlockSecret.byteLength !== UNLOCK_SECRET_BYTES) {
    throw new TypeError(
      `unlockSecret was ${unlockSecret.byteLength} bytes, expected ${UNLOCK_SECRET_BYTES}`,
    );
  }
  if (challenge.byteLength !== UNLOCK_CHALLENGE_BYTES) {
    throw new TypeError(
      `challenge was ${challenge.byteLength} bytes, expected ${UNLOCK_CHALLENGE_BYTES}`,
    );
  }
  return createHmac('sha256', unlockSecret)
    .update(UNLOCK_LABEL)
    .update(challenge)
    .digest()
    .subarray(0, UNLOCK_CHALLENGE_BYTES);
}

/** A fresh per-device unlock secret. */
export function generateUnlockSecret(): Buffer {
  return randomBytes(UNLOCK_SECRET_BYTES);
}
