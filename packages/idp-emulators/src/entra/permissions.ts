/**
 * Application permissions accepted per operation, least-privileged first
 * (microsoft-graph-docs-contrib v1.0 permission includes for user-list, fido2 creationOptions,
 * authentication-post-fido2methods, fido2authenticationmethod-list / -delete).
 */
export const EntraPermissions = {
  readUsers: [
    'User.Read.All',
    'User.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
  writePasskeys: ['UserAuthMethod-Passkey.ReadWrite.All', 'UserAuthenticationMethod.ReadWrite.All'],
  readPasskeys: [
    'UserAuthMethod-Passkey.Read.All',
    'UserAuthMethod-Passkey.ReadWrite.All',
    'UserAuthenticationMethod.Read.All',
    'UserAuthenticationMethod.ReadWrite.All',
  ],
} as const;

export type EntraOperation = keyof typeof EntraPermissions;

/** What a fully provisioned Keyward app registration is granted. */
export const ENTRA_DEFAULT_GRANTS = ['User.Read.All', 'UserAuthenticationMethod.ReadWrite.All'];

/** The only scope a client-credentials request may ask for (v2-oauth2-client-creds-grant-flow). */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';
