import { softRegister } from '@keyward/idp-emulators';
import { freePort } from '@keyward/test-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idpSettingsSchema } from '../src/domain/connection/connectionConfig.ts';
import { createConnector } from '../src/idp/createConnector.ts';
import { EMULATORS, type EmulatedIdp } from './support/emulators.ts';
import { startSelfSignedHttps } from './support/tlsServer.ts';

function recordingIo() {
  const sleeps: number[] = [];
  return {
    sleeps,
    io: {
      sleep: async (ms: number) => {
        sleeps.push(ms);
      },
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 60_000 },
    },
  };
}

describe.each(Object.keys(EMULATORS) as (keyof typeof EMULATORS)[])('%s connector', (name) => {
  let idp: EmulatedIdp;
  beforeAll(async () => {
    idp = await EMULATORS[name]();
  });
  afterAll(async () => idp?.stop());

  const connector = (over: Partial<EmulatedIdp['limited']> = {}, io = recordingIo().io) =>
    createConnector({
      settings: over.settings ?? idp.settings,
      secrets: over.secrets ?? idp.secrets,
      io,
      allowInsecureLoopback: true,
    });

  it('passes Test Connection with a token and one user', async () => {
    const r = await connector().testConnection();
    expect(r).toMatchObject({ ok: true, steps: ['token', 'read_user'] });
  });

  it('reports bad credentials at the token step', async () => {
    const secrets =
      name === 'okta'
        ? {
            privateKeyPem: await import('jose').then(async (j) =>
              j.exportPKCS8((await j.generateKeyPair('RS256', { extractable: true })).privateKey),
            ),
          }
        : { clientSecret: 'wrong-secret' };
    const r = await connector({ secrets }).testConnection();
    expect(r).toMatchObject({ ok: false, step: 'token', kind: 'BAD_CREDENTIALS' });
  });

  it('reports the missing permission by name', async () => {
    const r = await connector(idp.limited).testConnection();
    if (name === 'okta') {
      // The org refuses to mint a token for an ungranted scope.
      expect(r).toMatchObject({ ok: false, step: 'token', kind: 'MISSING_PERMISSION' });
      expect(r.ok === false && r.message).toContain('okta.users.manage');
    } else {
      expect(r).toMatchObject({ ok: false, step: 'read_user', kind: 'MISSING_PERMISSION' });
      expect(r.ok === false && r.message).toMatch(
        name === 'entra' ? /User\.Read\.All/ : /Identity Data/,
      );
    }
  });

  it('retries a 429 after exactly the Retry-After the provider sent', async () => {
    const { io, sleeps } = recordingIo();
    idp.emulator.state.faults.inject({ count: 2, status: 429, retryAfterSeconds: 3 });
    const users = await connector({}, io).searchUsers('alice@example.com');
    expect(users[0]?.name).toBe('alice@example.com');
    expect(sleeps).toEqual([3000, 3000]);
  });

  it('gives up with a retryable RATE_LIMITED error when 429s outlast the policy', async () => {
    const { io } = recordingIo();
    idp.emulator.state.faults.inject({ count: 5, status: 429, retryAfterSeconds: 1 });
    await expect(connector({}, io).searchUsers('alice@example.com')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { kind: 'RATE_LIMITED', retryable: true, status: 429 },
    });
    idp.emulator.state.faults.clear();
  });

  it('registers a passkey at the IdP and deletes it again', async () => {
    const c = connector();
    const user = await c.getUser('bob@example.com');
    const begun = await c.beginRegistration({ user });
    const reg = softRegister({
      challenge: begun.publicKey.challenge,
      origin: begun.origin,
      rpId: begun.publicKey.rp.id!,
    });
    const done = await c.completeRegistration({
      user,
      providerState: begun.providerState,
      credential: {
        credentialId: reg.id,
        clientDataJSON: reg.clientDataJSON,
        attestationObject: reg.attestationObject,
      },
    });
    const stored = idp.emulator.state.credentials.get(done.idpCredentialId);
    expect(stored?.credentialId).toBe(reg.id);
    expect(await c.deleteCredential({ user, idpCredentialId: done.idpCredentialId })).toEqual({
      alreadyGone: false,
    });
    expect(idp.emulator.state.credentials.has(done.idpCredentialId)).toBe(false);
    expect(await c.deleteCredential({ user, idpCredentialId: done.idpCredentialId })).toEqual({
      alreadyGone: true,
    });
  });

  it('maps a wrong challenge to a final ATTESTATION_INVALID error and records nothing', async () => {
    const c = connector();
    const user = await c.getUser('bob@example.com');
    const begun = await c.beginRegistration({ user });
    const reg = softRegister({
      challenge: 'AAAAAAAAAAAAAAAAAAAAAA',
      origin: begun.origin,
      rpId: begun.publicKey.rp.id!,
    });
    const before = idp.emulator.state.credentials.size;
    await expect(
      c.completeRegistration({
        user,
        providerState: begun.providerState,
        credential: {
          credentialId: reg.id,
          clientDataJSON: reg.clientDataJSON,
          attestationObject: reg.attestationObject,
        },
      }),
    ).rejects.toMatchObject({ code: 'ATTESTATION_INVALID', details: { retryable: false } });
    expect(idp.emulator.state.credentials.size).toBe(before);
  });
});

describe('Test Connection failure kinds at the transport level', () => {
  const entraAt = (base: string) =>
    createConnector({
      settings: idpSettingsSchema.parse({
        type: 'entra',
        tenantId: 't1',
        clientId: 'c',
        loginBaseUrl: base,
        graphBaseUrl: base,
      }),
      secrets: { clientSecret: 'x' },
      io: { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
      allowInsecureLoopback: true,
    });

  it('says DNS when the host does not resolve', async () => {
    const r = await entraAt('https://keyward-no-such-host.invalid').testConnection();
    expect(r).toMatchObject({ ok: false, step: 'token', kind: 'DNS' });
  });

  it('says TLS when the certificate is not trusted', async () => {
    const tls = await startSelfSignedHttps();
    try {
      const r = await entraAt(tls.url).testConnection();
      expect(r).toMatchObject({ ok: false, step: 'token', kind: 'TLS' });
    } finally {
      await tls.stop();
    }
  });

  it('says connection refused when nothing listens', async () => {
    const port = await freePort();
    const r = await entraAt(`http://127.0.0.1:${port}`).testConnection();
    expect(r).toMatchObject({ ok: false, step: 'token', kind: 'CONNECTION_REFUSED' });
  });

  it('says not found when the tenant / token endpoint does not exist', async () => {
    const idp = await EMULATORS.entra();
    try {
      const r = await entraAt(idp.emulator.baseUrl).testConnection();
      expect(r).toMatchObject({ ok: false, step: 'token', kind: 'NOT_FOUND' });
    } finally {
      await idp.stop();
    }
  });

  it('refuses plain http to a non-loopback host', async () => {
    const r = await entraAt('http://login.example.com').testConnection();
    expect(r).toMatchObject({ ok: false, step: 'token', kind: 'TLS' });
  });
});
