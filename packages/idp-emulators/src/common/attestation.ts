import { type RegistrationResponseJSON, verifyRegistrationResponse } from '@simplewebauthn/server';
import {
  decodeAttestationObject,
  isoBase64URL,
  parseAuthenticatorData,
} from '@simplewebauthn/server/helpers';

/** What an emulator learned from a verified attestation. */
export interface VerifiedCredential {
  credentialId: string;
  publicKey: Uint8Array;
  aaguid: string;
  fmt: string;
  counter: number;
  userVerified: boolean;
  attestationCertificates: string[];
}

export type AttestationResult =
  | { ok: true; credential: VerifiedCredential }
  | { ok: false; reason: string };

export interface CheckAttestationOptions {
  credentialId: string;
  clientDataJSON: string;
  attestationObject: string;
  /** Returns true when the challenge in clientDataJSON is one this emulator issued and is live. */
  challengeIsValid: (challenge: string) => boolean;
  expectedOrigin: string;
  expectedRPID: string;
  requireUserVerification?: boolean;
}

/**
 * Verifies a WebAuthn registration the way the provider does: with @simplewebauthn/server, against
 * the challenge the emulator issued, the provider's origin and RP ID. Never throws for bad input.
 */
export async function checkAttestation(
  options: CheckAttestationOptions,
): Promise<AttestationResult> {
  const response: RegistrationResponseJSON = {
    id: options.credentialId,
    rawId: options.credentialId,
    type: 'public-key',
    response: {
      clientDataJSON: options.clientDataJSON,
      attestationObject: options.attestationObject,
    },
    clientExtensionResults: {},
  };
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: (c) => options.challengeIsValid(c),
      expectedOrigin: options.expectedOrigin,
      expectedRPID: options.expectedRPID,
      requireUserVerification: options.requireUserVerification ?? false,
    });
    if (!result.verified) return { ok: false, reason: 'attestation signature did not verify' };
    const info = result.registrationInfo;
    return {
      ok: true,
      credential: {
        credentialId: info.credential.id,
        publicKey: info.credential.publicKey,
        aaguid: info.aaguid,
        fmt: info.fmt,
        counter: info.credential.counter,
        userVerified: info.userVerified,
        attestationCertificates: [],
      },
    };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

/** Converts standard base64 (with or without padding) or base64url to base64url without padding. */
export function toBase64Url(value: string): string {
  return value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Reads the credential id out of an attestation object (for APIs such as Okta's activate, which
 * send only attestation + clientData). Returns undefined when the object does not parse.
 */
export function credentialIdFromAttestation(attestationObject: string): string | undefined {
  try {
    const decoded = decodeAttestationObject(isoBase64URL.toBuffer(toBase64Url(attestationObject)));
    const parsed = parseAuthenticatorData(decoded.get('authData'));
    return parsed.credentialID ? isoBase64URL.fromBuffer(parsed.credentialID) : undefined;
  } catch {
    return undefined;
  }
}
