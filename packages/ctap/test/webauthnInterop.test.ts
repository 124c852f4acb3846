/**
 * What makeCredential / getAssertion return is what a relying party verifies: checked with an
 * independent WebAuthn server library (@simplewebauthn/server), as an IdP would.
 */
import { randomBytes } from 'node:crypto';
import { verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import { afterEach, describe, expect, it } from 'vitest';
import { getAssertion } from '../src/operations/getAssertion.ts';
import { makeCredential } from '../src/operations/makeCredential.ts';
import { setPin } from '../src/operations/setPin.ts';
import type { KeywardSimProfile } from '../src/vendor/keywardSimProtocol.ts';
import { memoryKey, type SimKey } from './support.ts';

const ORIGIN = 'https://idp.example.org';
const RP_ID = 'idp.example.org';
const PIN = '97531864';
const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');

let key: SimKey | undefined;
afterEach(async () => {
  await key?.close();
  key = undefined;
});

describe.each<KeywardSimProfile>(['generic', 'enterprise', 'ctap20'])('%s key', (profile) => {
  it('registers and authenticates in a way an independent WebAuthn verifier accepts', async () => {
    key = await memoryKey({ profile });
    await setPin(key.dev, { pin: PIN });
    const challenge = b64u(randomBytes(32));
    const created = await makeCredential(key.dev, {
      origin: ORIGIN,
      pin: PIN,
      publicKey: {
        rp: { id: RP_ID, name: 'IdP' },
        user: { id: b64u(randomBytes(16)), name: 'grace@example.org', displayName: 'Grace' },
        challenge,
        pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
        attestation: 'direct',
      },
    });
    const registration = await verifyRegistrationResponse({
      response: {
        id: created.credentialId,
        rawId: created.credentialId,
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: created.clientDataJSON,
          attestationObject: created.attestationObject,
          transports: created.transports as never,
        },
      },
      expectedChallenge: challenge,
      expectedOrigin: ORIGIN,
      expectedRPID: RP_ID,
      requireUserVerification: true,
    });
    expect(registration.verified).toBe(true);
    const info = registration.registrationInfo!;

    const challenge2 = b64u(randomBytes(32));
    const asserted = await getAssertion(key.dev, {
      origin: ORIGIN,
      pin: PIN,
      publicKey: {
        challenge: challenge2,
        rpId: RP_ID,
        allowCredentials: [{ id: created.credentialId, type: 'public-key' }],
      },
    });
    const authentication = await verifyAuthenticationResponse({
      response: {
        id: asserted.credentialId,
        rawId: asserted.credentialId,
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: asserted.clientDataJSON,
          authenticatorData: asserted.authenticatorData,
          signature: asserted.signature,
          ...(asserted.userHandle ? { userHandle: asserted.userHandle } : {}),
        },
      },
      expectedChallenge: challenge2,
      expectedOrigin: ORIGIN,
      expectedRPID: RP_ID,
      credential: info.credential,
      requireUserVerification: true,
    });
    expect(authentication.verified).toBe(true);
  });
});
