import { z } from 'zod';

// IdP connection settings per provider. Fields listed in SECRET_FIELDS are sealed at rest
// (sealSecret) and never returned by the API, logged or put in events.

const url = z.url();

export const entraSettingsSchema = z.object({
  type: z.literal('entra'),
  tenantId: z.string().min(1),
  clientId: z.string().min(1),
  /** Stand-ins for tests/sovereign clouds; defaults are the public cloud endpoints. */
  loginBaseUrl: url.default('https://login.microsoftonline.com'),
  graphBaseUrl: url.default('https://graph.microsoft.com'),
});

export const oktaSettingsSchema = z.object({
  type: z.literal('okta'),
  /** `https://{yourOktaDomain}`; its origin and host are the WebAuthn origin and RP ID. */
  orgUrl: url,
  clientId: z.string().min(1),
  keyId: z.string().min(1),
  /** Org authorization server by default (Okta-scoped tokens need it). */
  authorizationServerUrl: url.optional(),
  scopes: z.array(z.string()).default(['okta.users.read', 'okta.users.manage']),
});

export const pingoneSettingsSchema = z.object({
  type: z.literal('pingone'),
  envId: z.string().min(1),
  clientId: z.string().min(1),
  authBaseUrl: url.default('https://auth.pingone.com'),
  apiBaseUrl: url.default('https://api.pingone.com/v1'),
  /** RP of the passkeys created at PingOne (the customer's sign-in domain). */
  rpId: z.string().min(1),
  rpName: z.string().min(1).default('Keyward'),
  fido2PolicyId: z.string().min(1),
});

export const genericSettingsSchema = z.object({
  type: z.literal('generic'),
  /** SCIM 2.0 base URL (`.../scim/v2`). */
  scimBaseUrl: url,
  tokenUrl: url,
  clientId: z.string().min(1),
  scopes: z.array(z.string()).default([]),
  /** Receives signed `passkey.registered` / `passkey.revoked` notifications. */
  webhookUrl: url,
  rpId: z.string().min(1),
  rpName: z.string().min(1).default('Keyward'),
});

export const idpSettingsSchema = z.discriminatedUnion('type', [
  entraSettingsSchema,
  oktaSettingsSchema,
  pingoneSettingsSchema,
  genericSettingsSchema,
]);
export type IdpSettings = z.infer<typeof idpSettingsSchema>;
export type IdpType = IdpSettings['type'];

/** Secret inputs per type (required on create; optional on update = keep the stored one). */
export const SECRET_FIELDS = {
  entra: ['clientSecret'],
  okta: ['privateKeyPem'],
  pingone: ['clientSecret'],
  generic: ['clientSecret', 'webhookSecret'],
} as const satisfies Record<IdpType, readonly string[]>;

export type IdpSecrets = Partial<
  Record<'clientSecret' | 'privateKeyPem' | 'webhookSecret', string>
>;

export const idpSecretsSchema = z
  .object({
    clientSecret: z.string().min(1),
    privateKeyPem: z.string().includes('PRIVATE KEY', { message: 'expected a PEM private key' }),
    webhookSecret: z.string().min(16),
  })
  .partial();

/** Names the secret fields a type requires that `secrets` lacks. */
export function missingSecrets(type: IdpType, secrets: IdpSecrets): string[] {
  return SECRET_FIELDS[type].filter((f) => !secrets[f]);
}
