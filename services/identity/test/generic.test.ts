import { identityRequests } from '@keyward/contracts';
import { type ScimEmulator, startScimEmulator } from '@keyward/idp-emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from './support/emulators.ts';
import { newSimKey } from './support/simKey.ts';
import { type Stack, startStack } from './support/stack.ts';

const WEBHOOK_SECRET = 'generic-webhook-secret-0123456789';
let stack: Stack;
let scim: ScimEmulator;
let idpId: string;

beforeAll(async () => {
  stack = await startStack();
  scim = await startScimEmulator({
    clients: [{ clientId: 'kw-scim', clientSecret: 'scim-secret-value' }],
    users: USERS,
    webhookSecret: WEBHOOK_SECRET,
  });
  const created = await stack.http('/idps', {
    method: 'POST',
    body: {
      name: 'customer-idp',
      settings: {
        type: 'generic',
        scimBaseUrl: scim.scimBaseUrl,
        tokenUrl: scim.tokenUrl,
        clientId: 'kw-scim',
        webhookUrl: scim.webhookUrl,
        rpId: 'login.customer.example',
      },
      secrets: { clientSecret: 'scim-secret-value', webhookSecret: WEBHOOK_SECRET },
    },
  });
  expect(created.status).toBe(201);
  idpId = created.body.id;
});
afterAll(async () => {
  await scim?.stop();
  await stack?.stop();
});

describe('generic SCIM + webhook IdP', () => {
  it('passes Test Connection against the SCIM endpoint', async () => {
    expect((await stack.http(`/idps/${idpId}/test`, { method: 'POST' })).body).toMatchObject({
      ok: true,
      steps: ['token', 'read_user'],
    });
  });

  it('verifies the attestation itself and reports the passkey to the signed webhook, then its revocation', async () => {
    const key = await newSimKey('KWGEN0001');
    try {
      const begun = await stack.call(identityRequests.enrollmentBegin, {
        idpId,
        user: 'alice@example.com',
        deviceSerial: key.serial,
      });
      if (!begun.ok) throw new Error(begun.error.message);
      expect(begun.data.origin).toBe('https://login.customer.example');
      const att = await key.enroll(begun.data.publicKey, begun.data.origin);
      const done = await stack.call(identityRequests.enrollmentComplete, {
        enrollmentId: begun.data.enrollmentId,
        ...att,
      });
      expect(done).toMatchObject({
        ok: true,
        data: { credentialId: att.credentialId, idpCredentialId: att.credentialId },
      });
      const registered = scim.deliveries.find((d) => d.event === 'passkey.registered');
      expect(registered?.signatureValid).toBe(true);
      expect(registered?.body).toMatchObject({
        user: { name: 'alice@example.com' },
        credential: { id: att.credentialId, fmt: 'packed' },
      });
      const revoked = await stack.call(identityRequests.credentialRevoke, {
        credentialId: att.credentialId,
      });
      expect(revoked.ok).toBe(true);
      expect(scim.deliveries.find((d) => d.event === 'passkey.revoked')?.body).toMatchObject({
        credential: { id: att.credentialId },
      });
    } finally {
      await key.close();
    }
  });

  it('refuses a wrong challenge without calling the webhook', async () => {
    const key = await newSimKey('KWGEN0002');
    try {
      const begun = await stack.call(identityRequests.enrollmentBegin, {
        idpId,
        user: 'bob@example.com',
        deviceSerial: key.serial,
      });
      if (!begun.ok) throw new Error(begun.error.message);
      const before = scim.deliveries.length;
      const att = await key.enroll(
        { ...begun.data.publicKey, challenge: 'd3Jvbmc' },
        begun.data.origin,
      );
      const r = await stack.call(identityRequests.enrollmentComplete, {
        enrollmentId: begun.data.enrollmentId,
        ...att,
      });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'ATTESTATION_INVALID', details: { retryable: false } },
      });
      expect(scim.deliveries.length).toBe(before);
    } finally {
      await key.close();
    }
  });
});
