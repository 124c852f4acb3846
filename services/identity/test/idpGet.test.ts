import { identityRequests } from '@keyward/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('keyward.identity.idp.get', () => {
  it('answers an IdP connection’s name, type and default flag, never its settings or secrets', async () => {
    const created = await stack.deps.idps.create({
      name: 'Contoso SCIM',
      settings: {
        type: 'generic',
        scimBaseUrl: 'https://scim.contoso.example/scim/v2',
        tokenUrl: 'https://scim.contoso.example/token',
        clientId: 'kw',
        scopes: [],
        webhookUrl: 'https://scim.contoso.example/hook',
        rpId: 'login.contoso.example',
        rpName: 'Keyward',
      },
      secrets: { clientSecret: 'idp-get-client-secret', webhookSecret: 'idp-get-hook-secret' },
    });
    const reply = await stack.call(identityRequests.idpGet, { idpId: created.id });
    expect(reply).toEqual({
      ok: true,
      data: { id: created.id, name: 'Contoso SCIM', type: 'generic', isDefault: true },
    });
    expect(JSON.stringify(reply)).not.toMatch(/secret|scim\.contoso/);
  });

  it('answers NOT_FOUND naming an unknown id', async () => {
    const reply = await stack.call(identityRequests.idpGet, { idpId: 'no-such-idp' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('no-such-idp') },
    });
  });
});
