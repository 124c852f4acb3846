/**
 * Volatile state: what a real key loses at power-off (CTAP 2.1 §6.5.5.1 "authenticator
 * configuration operations upon power up"): the key-agreement key per PIN/UV auth protocol, the
 * pinUvAuthToken and its state (§6.5.2.1), the consecutive PIN mismatch counter (§6.5.5.5 "power
 * cycle" rule), the power-up time (10-s Reset window, §6.6) and the state of the multi-step
 * commands (getNextAssertion, credentialManagement enumerations, vendor unlock challenge).
 */
import { generateKeyAgreementKey, type KeyAgreementKey } from '@keyward/ctap/internal';
import type { CredentialAlg } from './credentialKey.ts';

export type PinUvToken = {
  value: Uint8Array;
  protocol: 1 | 2;
  permissions: number;
  rpId?: string;
  userVerified: boolean;
  userPresent: boolean;
  issuedAt: number;
  used: boolean;
};

/** One assertion still to hand out through getNextAssertion. */
export type PendingAssertion = {
  credentialId: Uint8Array;
  rpId: string;
  alg: CredentialAlg;
  privateKey: Uint8Array;
  user?: { id: Uint8Array; name?: string; displayName?: string };
};

export type Runtime = {
  poweredUpAt: number;
  keyAgreement: Record<1 | 2, KeyAgreementKey>;
  token: PinUvToken | undefined;
  consecutiveMismatches: number;
  assertions:
    | {
        queue: PendingAssertion[];
        clientDataHash: Uint8Array;
        flags: number;
        hmacSecret: { protocol: 1 | 2; sharedSecret: Uint8Array; salts: Uint8Array } | undefined;
        at: number;
      }
    | undefined;
  credMgmt: { kind: 'rps'; rpIds: string[] } | { kind: 'credentials'; ids: string[] } | undefined;
  unlockChallenge: Uint8Array | undefined;
};

export function powerUp(now: number): Runtime {
  return {
    poweredUpAt: now,
    keyAgreement: { 1: generateKeyAgreementKey(), 2: generateKeyAgreementKey() },
    token: undefined,
    consecutiveMismatches: 0,
    assertions: undefined,
    credMgmt: undefined,
    unlockChallenge: undefined,
  };
}

/** The consecutive-mismatch limit after which only a power cycle re-enables PIN entry. */
export const MISMATCHES_BEFORE_POWER_CYCLE = 3;
/** Reset is accepted only this long after power-up (CTAP 2.1 §6.6). */
export const RESET_WINDOW_MS = 10_000;
/** getNextAssertion state lifetime (CTAP 2.1 §6.3). */
export const NEXT_ASSERTION_WINDOW_MS = 30_000;
/** pinUvAuthToken initial usage limit and maximum lifetime (CTAP 2.1 §6.5.2.1; OpenSK, pico-fido). */
export const TOKEN_INITIAL_USAGE_MS = 30_000;
export const TOKEN_MAX_LIFETIME_MS = 600_000;
