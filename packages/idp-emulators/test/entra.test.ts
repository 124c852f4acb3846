import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EntraEmulator, softRegister, startEntraEmulator } from '../src/index.ts';

let entra: EntraEmulator;

async function token(clientId: string, clientSecret: string) {
  const res = await fetch(entra.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function graph(path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('content-type', 'application/json');
  const res = await fetch(`${entra.graphBaseUrl}/v1.0${path}`, { ...init, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  entra = await startEntraEmulator({
    clients: [
      {
        clientId: 'full',
        clientSecret: 'full-secret',
        permissions: ['User.Read.All', 'UserAuthenticationMethod.ReadWrite.All'],
      },
      { clientId: 'readonly', clientSecret: 'ro-secret', permissions: ['User.Read.All'] },
    ],
    users: [
      { login: 'alice@contoso.com', givenName: 'Alice', surname: 'Adams' },
      { login: 'bob@contoso.com' },
    ],
  });
});
afterAll(async () => entra?.stop());

describe('Entra emulator', () => {
  it('issues a client-credentials token for a valid secret', async () => {
    const r = await token('full', 'full-secret');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
  });

  it('rejects a bad client secret with 401 invalid_client', async () => {
    const r = await token('full', 'wrong');
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('invalid_client');
  });

  it('answers 401 with a Graph envelope for a missing or unknown token', async () => {
    const none = await graph('/users');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('InvalidAuthenticationToken');
    expect(none.body.error.innerError['request-id']).toBeTypeOf('string');
    const bogus = await graph('/users', { token: 'not-a-token' });
    expect(bogus.status).toBe(401);
  });

  it('answers 403 naming the missing permission', async () => {
    const { body } = await token('readonly', 'ro-secret');
    const r = await graph('/users/alice@contoso.com/authentication/fido2Methods/creationOptions', {
      token: String(body.access_token),
    });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('UserAuthenticationMethod.ReadWrite.All');
  });

  it('requires ConsistencyLevel: eventual for $search and $count', async () => {
    const t = String((await token('full', 'full-secret')).body.access_token);
    const without = await graph('/users?$search="displayName:alice"', { token: t });
    expect(without.status).toBe(400);
    expect(without.body.error.code).toBe('Request_UnsupportedQuery');
    const withHeader = await graph('/users?$search="displayName:alice"&$count=true', {
      token: t,
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(withHeader.status).toBe(200);
    expect(withHeader.body['@odata.count']).toBe(1);
    expect(withHeader.body.value[0].userPrincipalName).toBe('alice@contoso.com');
    const filtered = await graph(`/users?$filter=userPrincipalName eq 'bob@contoso.com'`, {
      token: t,
    });
    expect(filtered.body.value).toHaveLength(1);
  });

  it('registers a passkey whose attestation verifies against the issued challenge', async () => {
    const t = String((await token('full', 'full-secret')).body.access_token);
    const opts = await graph(
      '/users/alice@contoso.com/authentication/fido2Methods/creationOptions',
      { token: t },
    );
    expect(opts.status).toBe(200);
    const { publicKey } = opts.body;
    const reg = softRegister({
      challenge: publicKey.challenge,
      origin: `https://${publicKey.rp.id}`,
      rpId: publicKey.rp.id,
    });
    const created = await graph('/users/alice@contoso.com/authentication/fido2Methods', {
      token: t,
      method: 'POST',
      body: JSON.stringify({
        displayName: 'Key 1',
        publicKeyCredential: {
          id: reg.id,
          response: {
            clientDataJSON: reg.clientDataJSON,
            attestationObject: reg.attestationObject,
          },
        },
      }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'Key 1', attestationLevel: 'attested' });
    const stored = entra.state.credentials.get(created.body.id);
    expect(stored?.credentialId).toBe(reg.id);
    const list = await graph('/users/alice@contoso.com/authentication/fido2Methods', { token: t });
    expect(list.body.value.map((m: { id: string }) => m.id)).toContain(created.body.id);
    const del = await graph(
      `/users/alice@contoso.com/authentication/fido2Methods/${created.body.id}`,
      {
        token: t,
        method: 'DELETE',
      },
    );
    expect(del.status).toBe(204);
    expect(entra.state.credentials.has(created.body.id)).toBe(false);
  });

  it('rejects an attestation made over a challenge it did not issue', async () => {
    const t = String((await token('full', 'full-secret')).body.access_token);
    const before = entra.state.credentials.size;
    await graph('/users/bob@contoso.com/authentication/fido2Methods/creationOptions', { token: t });
    const reg = softRegister({
      challenge: 'bm90LWlzc3VlZA',
      origin: 'https://login.microsoft.com',
      rpId: 'login.microsoft.com',
    });
    const r = await graph('/users/bob@contoso.com/authentication/fido2Methods', {
      token: t,
      method: 'POST',
      body: JSON.stringify({
        displayName: 'x',
        publicKeyCredential: { id: reg.id, response: reg },
      }),
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/challenge/i);
    expect(entra.state.credentials.size).toBe(before);
  });

  it('rejects a corrupted attestation signature', async () => {
    const t = String((await token('full', 'full-secret')).body.access_token);
    const opts = await graph('/users/bob@contoso.com/authentication/fido2Methods/creationOptions', {
      token: t,
    });
    const reg = softRegister({
      challenge: opts.body.publicKey.challenge,
      origin: 'https://login.microsoft.com',
      rpId: 'login.microsoft.com',
      corruptSignature: true,
    });
    const r = await graph('/users/bob@contoso.com/authentication/fido2Methods', {
      token: t,
      method: 'POST',
      body: JSON.stringify({
        displayName: 'x',
        publicKeyCredential: { id: reg.id, response: reg },
      }),
    });
    expect(r.status).toBe(400);
  });

  it('serves injected 429s with Retry-After, then recovers', async () => {
    const t = String((await token('full', 'full-secret')).body.access_token);
    entra.state.faults.inject({ count: 2, status: 429, retryAfterSeconds: 7 });
    const first = await graph('/users/alice@contoso.com', { token: t });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.body.error.code).toBe('activityLimitReached');
    expect((await graph('/users/alice@contoso.com', { token: t })).status).toBe(429);
    expect((await graph('/users/alice@contoso.com', { token: t })).status).toBe(200);
  });
});
