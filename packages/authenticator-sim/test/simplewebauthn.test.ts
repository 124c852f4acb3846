/**
 * An independent verifier: @simplewebauthn/server accepts the sim's packed attestation as full
 * (basic) attestation, chained to the sim's root certificate as the only trust anchor.
 */
import { createHash } from 'node:crypto';
import { encodeCanonical } from '@keyward/ctap/internal';
import { SettingsService, verifyRegistrationResponse } from '@simplewebauthn/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthenticator, type ProfileName } from '../src/index.ts';
import {
  call,
  getToken,
  makeCredentialParams,
  parseAuthData,
  setPin,
} from './helpers/ctapCalls.ts';

const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const ORIGIN = 'https://example.com';

afterEach(() => {
  SettingsService.setRootCertificates({ identifier: 'packed', certificates: [] });
});

async function register(
  profile: ProfileName,
  options: { alg?: number; enterprise?: boolean } = {},
) {
  const auth = createAuthenticator({ profile });
  await setPin(auth, '1234');
  if (options.enterprise) {
    const t = await getToken(auth, '1234', { permissions: 0x20 });
    const msg = Uint8Array.of(...new Uint8Array(32).fill(0xff), 0x0d, 0x01);
    await call(
      auth,
      0x0d,
      new Map<number, unknown>([
        [1, 1],
        [3, 2],
        [4, t.session.protocol.authenticate(t.token!, msg)],
      ]),
    );
  }
  const challenge = b64u(new Uint8Array(32).fill(7));
  const clientDataJSON = new TextEncoder().encode(
    JSON.stringify({ type: 'webauthn.create', challenge, origin: ORIGIN, crossOrigin: false }),
  );
  const clientDataHash = new Uint8Array(createHash('sha256').update(clientDataJSON).digest());
  const t = await getToken(auth, '1234', { permissions: 0x01, rpId: 'example.com' });
  const r = await call(
    auth,
    0x01,
    makeCredentialParams({
      clientDataHash,
      rk: true,
      alg: [options.alg ?? -7],
      token: { protocol: t.session.protocol, value: t.token! },
      ...(options.enterprise ? { enterpriseAttestation: 2 } : {}),
    }),
  );
  expect(r.status).toBe(0);
  // The WebAuthn attestation object uses text keys where CTAP uses 1, 2, 3.
  const attestationObject = encodeCanonical(
    new Map<string, unknown>([
      ['fmt', r.body.get(1)],
      ['attStmt', r.body.get(3)],
      ['authData', r.body.get(2)],
    ]),
  );
  const credentialId = parseAuthData(r.body.get(2) as Uint8Array).credentialId!;
  return {
    auth,
    challenge,
    response: {
      id: b64u(credentialId),
      rawId: b64u(credentialId),
      type: 'public-key' as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64u(clientDataJSON),
        attestationObject: b64u(attestationObject),
        transports: ['nfc' as const, 'usb' as const],
      },
    },
  };
}

describe('@simplewebauthn/server verifyRegistrationResponse', () => {
  it.each([
    ['generic', -7],
    ['generic', -8],
    ['enterprise', -7],
  ] as const)(
    'accepts packed full attestation from the %s profile (credential alg %i) with the sim root as trust anchor',
    async (profile, alg) => {
      const { auth, challenge, response } = await register(profile, { alg });
      SettingsService.setRootCertificates({
        identifier: 'packed',
        certificates: [await auth.attestationRootPem()],
      });
      const result = await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: ORIGIN,
        expectedRPID: 'example.com',
        requireUserVerification: true,
      });
      expect(result.verified).toBe(true);
      expect(result.registrationInfo?.fmt).toBe('packed');
      expect(result.registrationInfo?.aaguid).toBe(auth.aaguid);
      expect(result.registrationInfo?.userVerified).toBe(true);
    },
  );

  it('accepts an enterprise attestation chained to the same root', async () => {
    const { auth, challenge, response } = await register('enterprise', { enterprise: true });
    SettingsService.setRootCertificates({
      identifier: 'packed',
      certificates: [await auth.attestationRootPem()],
    });
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: ORIGIN,
      expectedRPID: 'example.com',
    });
    expect(result.verified).toBe(true);
  });

  it('rejects the attestation when the trust anchor is another key model’s root', async () => {
    const { challenge, response } = await register('generic');
    const other = createAuthenticator({ profile: 'generic' });
    SettingsService.setRootCertificates({
      identifier: 'packed',
      certificates: [await other.attestationRootPem()],
    });
    await expect(
      verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: ORIGIN,
        expectedRPID: 'example.com',
      }),
    ).rejects.toThrow();
  });
});
