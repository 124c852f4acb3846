import {
  type EntraEmulator,
  type NewUser,
  type OktaEmulator,
  type PingOneEmulator,
  startEntraEmulator,
  startOktaEmulator,
  startPingOneEmulator,
} from '@keyward/idp-emulators';
import * as jose from 'jose';
import type { IdpSecrets, IdpSettings } from '../../src/domain/connection/connectionConfig.ts';
import { idpSettingsSchema } from '../../src/domain/connection/connectionConfig.ts';

export interface EmulatedIdp {
  name: 'entra' | 'okta' | 'pingone';
  settings: IdpSettings;
  secrets: IdpSecrets;
  /** Settings+secrets of a client that lacks the permission to manage passkeys / read users. */
  limited: { settings: IdpSettings; secrets: IdpSecrets };
  emulator: EntraEmulator | OktaEmulator | PingOneEmulator;
  stop(): Promise<void>;
}

export const USERS: NewUser[] = [
  { login: 'alice@example.com', givenName: 'Alice', surname: 'Adams' },
  { login: 'bob@example.com', givenName: 'Bob', surname: 'Brown' },
];

export async function startEntra(users = USERS): Promise<EmulatedIdp> {
  const emulator = await startEntraEmulator({
    clients: [
      {
        clientId: 'kw-full',
        clientSecret: 'full-secret-value',
        permissions: ['User.Read.All', 'UserAuthenticationMethod.ReadWrite.All'],
      },
      { clientId: 'kw-none', clientSecret: 'none-secret-value', permissions: [] },
    ],
    users,
  });
  const base = {
    type: 'entra',
    tenantId: emulator.tenantId,
    loginBaseUrl: emulator.loginBaseUrl,
    graphBaseUrl: emulator.graphBaseUrl,
  };
  return {
    name: 'entra',
    emulator,
    settings: idpSettingsSchema.parse({ ...base, clientId: 'kw-full' }),
    secrets: { clientSecret: 'full-secret-value' },
    limited: {
      settings: idpSettingsSchema.parse({ ...base, clientId: 'kw-none' }),
      secrets: { clientSecret: 'none-secret-value' },
    },
    stop: () => emulator.stop(),
  };
}

export async function startOkta(users = USERS): Promise<EmulatedIdp> {
  const { privateKey, publicKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const publicJwk = {
    ...(await jose.exportJWK(publicKey)),
    kid: 'kw-key-1',
    alg: 'RS256',
    use: 'sig',
  };
  const privateKeyPem = await jose.exportPKCS8(privateKey);
  const emulator = await startOktaEmulator({
    clients: [
      { clientId: '0oa-full', publicJwk, grantedScopes: ['okta.users.read', 'okta.users.manage'] },
      { clientId: '0oa-read', publicJwk, grantedScopes: ['okta.users.read'] },
    ],
    users,
  });
  const base = { type: 'okta', orgUrl: emulator.baseUrl, keyId: 'kw-key-1' };
  return {
    name: 'okta',
    emulator,
    settings: idpSettingsSchema.parse({ ...base, clientId: '0oa-full' }),
    secrets: { privateKeyPem },
    limited: {
      settings: idpSettingsSchema.parse({ ...base, clientId: '0oa-read' }),
      secrets: { privateKeyPem },
    },
    stop: () => emulator.stop(),
  };
}

export async function startPingOne(users = USERS): Promise<EmulatedIdp> {
  const emulator = await startPingOneEmulator({
    clients: [
      {
        clientId: 'worker-full',
        clientSecret: 'worker-secret-value',
        roles: ['Identity Data Admin'],
      },
      { clientId: 'worker-none', clientSecret: 'none-secret-value', roles: [] },
    ],
    users,
  });
  const base = {
    type: 'pingone',
    envId: emulator.envId,
    authBaseUrl: emulator.authBaseUrl,
    apiBaseUrl: emulator.apiUrl,
    rpId: 'keyward.example',
    fido2PolicyId: emulator.fido2PolicyId,
  };
  return {
    name: 'pingone',
    emulator,
    settings: idpSettingsSchema.parse({ ...base, clientId: 'worker-full' }),
    secrets: { clientSecret: 'worker-secret-value' },
    limited: {
      settings: idpSettingsSchema.parse({ ...base, clientId: 'worker-none' }),
      secrets: { clientSecret: 'none-secret-value' },
    },
    stop: () => emulator.stop(),
  };
}

export const EMULATORS = { entra: startEntra, okta: startOkta, pingone: startPingOne } as const;
