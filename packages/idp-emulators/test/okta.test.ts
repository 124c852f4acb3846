import { randomUUID } from 'node:crypto';
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaEmulator, softRegister, startOktaEmulator } from '../src/index.ts';

let okta: OktaEmulator;
let key: jose.CryptoKey;
let otherKey: jose.CryptoKey;

async function assertion(clientId: string, signWith: jose.CryptoKey) {
  return new jose.SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(okta.tokenUrl)
    .setIssuedAt()
    .setExpirationTime('5m')
    .setJti(randomUUID())
    .sign(signWith);
}

async function token(clientId: string, scope: string, signWith = key) {
  const res = await fetch(okta.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await assertion(clientId, signWith),
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

async function api(path: string, t: string | undefined, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (t) headers.set('authorization', `Bearer ${t}`);
  if (init.body) headers.set('content-type', 'application/json');
  const res = await fetch(`${okta.apiUrl}${path}`, { ...init, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  const pair = await jose.generateKeyPair('RS256', { extractable: true });
  key = pair.privateKey;
  otherKey = (await jose.generateKeyPair('RS256')).privateKey;
  const publicJwk = {
    ...(await jose.exportJWK(pair.publicKey)),
    kid: 'k1',
    alg: 'RS256',
    use: 'sig',
  };
  okta = await startOktaEmulator({
    clients: [
      { clientId: '0oafull', publicJwk, grantedScopes: ['okta.users.read', 'okta.users.manage'] },
      { clientId: '0oaread', publicJwk, grantedScopes: ['okta.users.read'] },
    ],
    users: [{ login: 'carol@example.com', givenName: 'Carol' }],
  });
});
afterAll(async () => okta?.stop());

describe('Okta emulator', () => {
  it('issues a token for a valid private_key_jwt assertion', async () => {
    const r = await token('0oafull', 'okta.users.read okta.users.manage');
    expect(r.status).toBe(200);
    expect(r.body.scope).toBe('okta.users.read okta.users.manage');
  });

  it('rejects an assertion signed with the wrong key (401 invalid_client)', async () => {
    const r = await token('0oafull', 'okta.users.read', otherKey);
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('invalid_client');
  });

  it('refuses a token request for a scope the app was not granted', async () => {
    const r = await token('0oaread', 'okta.users.manage');
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_scope');
  });

  it('answers 401 E0000011 without a token and 403 E0000006 naming the missing scope', async () => {
    const none = await api('/users', undefined);
    expect(none.status).toBe(401);
    expect(none.body.errorCode).toBe('E0000011');
    const t = (await token('0oaread', 'okta.users.read')).body.access_token;
    const user = okta.state.findUser('carol@example.com')!;
    const r = await api(`/users/${user.id}/factors`, t, {
      method: 'POST',
      body: JSON.stringify({ factorType: 'webauthn', provider: 'FIDO' }),
    });
    expect(r.status).toBe(403);
    expect(r.body.errorCode).toBe('E0000006');
    expect(JSON.stringify(r.body.errorCauses)).toContain('okta.users.manage');
  });

  it('finds users by search expression', async () => {
    const t = (await token('0oaread', 'okta.users.read')).body.access_token;
    const r = await api(
      `/users?search=${encodeURIComponent('profile.login eq "carol@example.com"')}`,
      t,
    );
    expect(r.status).toBe(200);
    expect(r.body[0].profile.login).toBe('carol@example.com');
  });

  it('enrolls and activates a WebAuthn factor with a verified attestation', async () => {
    const t = (await token('0oafull', 'okta.users.read okta.users.manage')).body.access_token;
    const user = okta.state.findUser('carol@example.com')!;
    const enrolled = await api(`/users/${user.id}/factors?tokenLifetimeSeconds=300`, t, {
      method: 'POST',
      body: JSON.stringify({ factorType: 'webauthn', provider: 'FIDO' }),
    });
    expect(enrolled.body.status).toBe('PENDING_ACTIVATION');
    const activation = enrolled.body._embedded.activation;
    const reg = softRegister({
      challenge: activation.challenge,
      origin: okta.origin,
      rpId: okta.rpId,
      userVerified: false,
    });
    const activated = await api(
      `/users/${user.id}/factors/${enrolled.body.id}/lifecycle/activate`,
      t,
      {
        method: 'POST',
        body: JSON.stringify({
          attestation: Buffer.from(reg.attestationObject, 'base64url').toString('base64'),
          clientData: Buffer.from(reg.clientDataJSON, 'base64url').toString('base64'),
        }),
      },
    );
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ status: 'ACTIVE', profile: { credentialId: reg.id } });
    expect(okta.state.credentials.get(enrolled.body.id)?.credentialId).toBe(reg.id);
    const list = await api(`/users/${user.id}/factors`, t);
    expect(list.body).toHaveLength(1);
    expect(
      (await api(`/users/${user.id}/factors/${enrolled.body.id}`, t, { method: 'DELETE' })).status,
    ).toBe(204);
    expect(okta.state.credentialsOf(user.id)).toHaveLength(0);
  });

  it('answers E0000068 for a wrong challenge and keeps nothing', async () => {
    const t = (await token('0oafull', 'okta.users.manage')).body.access_token;
    const user = okta.state.findUser('carol@example.com')!;
    const enrolled = await api(`/users/${user.id}/factors`, t, {
      method: 'POST',
      body: JSON.stringify({ factorType: 'webauthn', provider: 'FIDO' }),
    });
    const reg = softRegister({
      challenge: 'd3JvbmctY2hhbGxlbmdl',
      origin: okta.origin,
      rpId: okta.rpId,
    });
    const r = await api(`/users/${user.id}/factors/${enrolled.body.id}/lifecycle/activate`, t, {
      method: 'POST',
      body: JSON.stringify({ attestation: reg.attestationObject, clientData: reg.clientDataJSON }),
    });
    expect(r.status).toBe(403);
    expect(r.body.errorCode).toBe('E0000068');
    expect(okta.state.credentialsOf(user.id)).toHaveLength(0);
  });

  it('serves injected 5xx then recovers', async () => {
    const t = (await token('0oaread', 'okta.users.read')).body.access_token;
    okta.state.faults.inject({ count: 1, status: 503 });
    expect((await api('/users', t)).status).toBe(503);
    expect((await api('/users', t)).status).toBe(200);
  });
});
