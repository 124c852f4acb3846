import { identityRequests } from '@keyward/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedIdp, startEntra } from './support/emulators.ts';
import { newSimKey } from './support/simKey.ts';
import { type Stack, startStack } from './support/stack.ts';

let stack: Stack;
let entra: EmulatedIdp;
let idpId: string;

beforeAll(async () => {
  stack = await startStack();
  entra = await startEntra();
  const created = await stack.http('/idps', {
    method: 'POST',
    body: { name: 'entra-revoke', settings: entra.settings, secrets: entra.secrets },
  });
  expect(created.status).toBe(201);
  idpId = created.body.id;
});
afterAll(async () => {
  await entra?.stop();
  await stack?.stop();
});

let serialNo = 0;
const nextSerial = () => `KWREST${String(++serialNo).padStart(4, '0')}`;

/** A key of `serial` with a passkey for bob registered at the Entra emulator. */
async function enrolledKey(serial = nextSerial()) {
  const key = await newSimKey(serial);
  const begun = await stack.call(identityRequests.enrollmentBegin, {
    idpId,
    user: 'bob@example.com',
    deviceSerial: serial,
  });
  if (!begun.ok) throw new Error(`begin failed: ${begun.error.code} ${begun.error.message}`);
  const att = await key.enroll(begun.data.publicKey, begun.data.origin);
  const done = await stack.call(identityRequests.enrollmentComplete, {
    enrollmentId: begun.data.enrollmentId,
    ...att,
  });
  expect(done.ok).toBe(true);
  return { key, att };
}

const heldAtIdp = (credentialId: string) =>
  [...entra.emulator.state.credentials.values()].some((c) => c.credentialId === credentialId);

const REVOKER = ['device:revoke'];

describe('POST /devices/:serial/revoke', () => {
  it('deletes the passkey at the IdP and announces credential.revoked with the proven caller', async () => {
    const { key, att } = await enrolledKey();
    try {
      expect(heldAtIdp(att.credentialId)).toBe(true);
      const r = await stack.http(`/devices/${key.serial}/revoke`, {
        method: 'POST',
        body: { reason: 'lost on a train' },
        permissions: REVOKER,
      });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        serial: key.serial,
        revoked: [{ credentialId: att.credentialId, idpId }],
      });
      expect(heldAtIdp(att.credentialId)).toBe(false);
      const events = stack.events.filter(
        (e) => e.type === 'keyward.credential.revoked' && e.data.credentialId === att.credentialId,
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actor: 'user:admin',
        data: { serial: key.serial, reason: 'lost on a train', idpId },
      });
      // The same use case as the bus request: a second revoke finds nothing active.
      const again = await stack.http(`/devices/${key.serial}/revoke`, {
        method: 'POST',
        body: {},
        permissions: REVOKER,
      });
      expect(again.status).toBe(404);
    } finally {
      await key.close();
    }
  });

  it('is 404 naming an unknown serial', async () => {
    const r = await stack.http('/devices/KWNOSUCHKEY/revoke', {
      method: 'POST',
      body: {},
      permissions: REVOKER,
    });
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'NOT_FOUND', details: { serial: 'KWNOSUCHKEY' } });
  });

  it('is 400 naming the field on a bad body, and revokes nothing', async () => {
    const { key, att } = await enrolledKey();
    try {
      const r = await stack.http(`/devices/${key.serial}/revoke`, {
        method: 'POST',
        body: { reason: 42 },
        permissions: REVOKER,
      });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.message).toContain('reason');
      expect(heldAtIdp(att.credentialId)).toBe(true);
    } finally {
      await key.close();
    }
  });

  it('is 403 naming device:revoke without it, and the passkey stays', async () => {
    const { key, att } = await enrolledKey();
    try {
      const r = await stack.http(`/devices/${key.serial}/revoke`, {
        method: 'POST',
        body: {},
        permissions: ['device:read', 'device:reset', 'audit:read'],
      });
      expect(r.status).toBe(403);
      expect(r.body.error.message).toContain('device:revoke');
      expect(heldAtIdp(att.credentialId)).toBe(true);
      // The refusal is audited, naming the key (it joins the key's history).
      await expect
        .poll(() =>
          stack.events.find(
            (e) => e.type === 'keyward.admin.access_denied' && e.data.serial === key.serial,
          ),
        )
        .toMatchObject({
          actor: 'user:admin',
          data: { service: 'identity', permission: 'device:revoke' },
        });
    } finally {
      await key.close();
    }
  });
});
