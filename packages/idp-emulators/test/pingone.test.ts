import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  manualClock,
  type PingOneEmulator,
  softRegister,
  startPingOneEmulator,
} from '../src/index.ts';

let ping: PingOneEmulator;
const time = manualClock(new Date());

async function token(clientId: string, secret: string) {
  const res = await fetch(ping.tokenUrl, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

async function api(
  path: string,
  t: string | undefined,
  init: RequestInit & { contentType?: string } = {},
) {
  const headers = new Headers(init.headers);
  if (t) headers.set('authorization', `Bearer ${t}`);
  if (init.body) headers.set('content-type', init.contentType ?? 'application/json');
  const res = await fetch(`${ping.apiUrl}/environments/${ping.envId}${path}`, { ...init, headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

function decodeOptions(device: { publicKeyCredentialCreationOptions: string }) {
  const o = JSON.parse(device.publicKeyCredentialCreationOptions);
  const bytes = (a: number[]) => Buffer.from(a.map((b) => b & 0xff));
  return { ...o, challenge: bytes(o.challenge).toString('base64url') };
}

async function createDevice(t: string, userId: string) {
  return api(`/users/${userId}/devices`, t, {
    method: 'POST',
    body: JSON.stringify({
      type: 'FIDO2',
      rp: { id: 'keyward.example', name: 'Keyward' },
      policy: { id: ping.fido2PolicyId },
    }),
  });
}

function activationBody(reg: ReturnType<typeof softRegister>, origin: string) {
  const b64 = (s: string) => Buffer.from(s, 'base64url').toString('base64');
  return JSON.stringify({
    origin,
    attestation: JSON.stringify({
      id: reg.id,
      rawId: b64(reg.id),
      type: 'public-key',
      response: {
        clientDataJSON: b64(reg.clientDataJSON),
        attestationObject: b64(reg.attestationObject),
      },
      clientExtensionResults: {},
    }),
  });
}

beforeAll(async () => {
  ping = await startPingOneEmulator({
    clients: [
      { clientId: 'worker', clientSecret: 'worker-secret', roles: ['Identity Data Admin'] },
      { clientId: 'reader', clientSecret: 'reader-secret', roles: ['Identity Data Read Only'] },
    ],
    users: [{ login: 'dave@example.com' }],
    clock: time.clock,
  });
});
afterAll(async () => ping?.stop());

describe('PingOne emulator', () => {
  it('issues a worker token with client_secret_basic and rejects a bad secret with 401', async () => {
    expect((await token('worker', 'worker-secret')).status).toBe(200);
    const bad = await token('worker', 'nope');
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('invalid_client');
  });

  it('answers 401 INVALID_TOKEN and 403 ACCESS_FAILED naming the missing role', async () => {
    expect((await api('/users', 'bogus')).body.code).toBe('INVALID_TOKEN');
    const t = (await token('reader', 'reader-secret')).body.access_token!;
    const user = ping.state.findUser('dave@example.com')!;
    const r = await createDevice(t, user.id);
    expect(r.status).toBe(403);
    expect(r.body.message).toContain('Identity Data Admin');
  });

  it('searches users with a SCIM filter', async () => {
    const t = (await token('reader', 'reader-secret')).body.access_token!;
    const r = await api(`/users?filter=${encodeURIComponent('username eq "dave@example.com"')}`, t);
    expect(r.body._embedded.users[0].username).toBe('dave@example.com');
  });

  it('creates and activates a FIDO2 device with a verified attestation', async () => {
    const t = (await token('worker', 'worker-secret')).body.access_token!;
    const user = ping.state.findUser('dave@example.com')!;
    const created = await createDevice(t, user.id);
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('ACTIVATION_REQUIRED');
    const options = decodeOptions(created.body);
    const reg = softRegister({
      challenge: options.challenge,
      origin: 'https://keyward.example',
      rpId: 'keyward.example',
    });
    const activated = await api(`/users/${user.id}/devices/${created.body.id}`, t, {
      method: 'POST',
      contentType: 'application/vnd.pingidentity.device.activate+json',
      body: activationBody(reg, 'https://keyward.example'),
    });
    expect(activated.status).toBe(200);
    expect(activated.body.status).toBe('ACTIVE');
    expect(ping.state.credentials.get(created.body.id)?.credentialId).toBe(reg.id);
    expect(
      (await api(`/users/${user.id}/devices/${created.body.id}`, t, { method: 'DELETE' })).status,
    ).toBe(204);
    expect(ping.state.credentials.size).toBe(0);
  });

  it('rejects an activation after the challenge expired', async () => {
    const t = (await token('worker', 'worker-secret')).body.access_token!;
    const user = ping.state.findUser('dave@example.com')!;
    const created = await createDevice(t, user.id);
    const options = decodeOptions(created.body);
    time.advance(121_000);
    const reg = softRegister({
      challenge: options.challenge,
      origin: 'https://keyward.example',
      rpId: 'keyward.example',
    });
    const r = await api(`/users/${user.id}/devices/${created.body.id}`, t, {
      method: 'POST',
      contentType: 'application/vnd.pingidentity.device.activate+json',
      body: activationBody(reg, 'https://keyward.example'),
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('INVALID_DATA');
    expect(r.body.details[0].target).toBe('attestation');
    expect(ping.state.credentials.size).toBe(0);
  });

  it('rejects a wrong challenge', async () => {
    const t = (await token('worker', 'worker-secret')).body.access_token!;
    const user = ping.state.findUser('dave@example.com')!;
    const created = await createDevice(t, user.id);
    const reg = softRegister({
      challenge: 'b3RoZXI',
      origin: 'https://keyward.example',
      rpId: 'keyward.example',
    });
    const r = await api(`/users/${user.id}/devices/${created.body.id}`, t, {
      method: 'POST',
      contentType: 'application/vnd.pingidentity.device.activate+json',
      body: activationBody(reg, 'https://keyward.example'),
    });
    expect(r.status).toBe(400);
    expect(ping.state.credentials.size).toBe(0);
  });
});
