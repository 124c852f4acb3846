import { type CreationOptions, creationOptionsSchema, type UserRef } from '@keyward/contracts';
import type { z } from 'zod';
import type { entraSettingsSchema } from '../domain/connection/connectionConfig.ts';
import { idpError } from '../domain/connection/idpError.ts';
import type { IdpConnector } from './connector.ts';
import { stripOData, toBase64Url } from './encoding.ts';
import {
  createProviderHttp,
  deleteIfPresent,
  type ParsedProviderError,
  type ProviderIo,
} from './providerHttp.ts';
import { runTestConnection } from './testConnection.ts';
import { createTokenSource } from './tokenSource.ts';

type EntraSettings = z.infer<typeof entraSettingsSchema>;

/** Application permissions Keyward asks admins to consent (least privileged that work). */
const NEEDS = {
  users: 'application permission User.Read.All',
  passkeys:
    'application permission UserAuthenticationMethod.ReadWrite.All (or UserAuthMethod-Passkey.ReadWrite.All)',
} as const;

interface GraphUser {
  id: string;
  userPrincipalName: string;
  displayName?: string | null;
  mail?: string | null;
}

function parseGraphError(_status: number, body: unknown): ParsedProviderError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const parsed: ParsedProviderError = {};
  if (typeof error?.code === 'string') parsed.providerCode = error.code;
  if (typeof error?.message === 'string') parsed.providerMessage = error.message;
  return parsed;
}

function toUserRef(u: GraphUser): UserRef {
  return {
    id: u.id,
    name: u.userPrincipalName,
    ...(u.displayName ? { displayName: u.displayName } : {}),
    ...(u.mail ? { email: u.mail } : {}),
  };
}

/** OData string literal: single quotes doubled. */
const odata = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Microsoft Entra ID through Microsoft Graph v1.0 (idp-apis.md §1). */
export function createEntraConnector(options: {
  settings: EntraSettings;
  secrets: { clientSecret: string };
  io: ProviderIo;
  allowInsecureLoopback?: boolean;
}): IdpConnector {
  const { settings, io } = options;
  const provider = 'entra';
  const getToken = createTokenSource({
    provider,
    issuer: `${settings.loginBaseUrl}/${settings.tenantId}/v2.0`,
    tokenUrl: `${settings.loginBaseUrl}/${settings.tenantId}/oauth2/v2.0/token`,
    clientId: settings.clientId,
    auth: { kind: 'client_secret_post', secret: options.secrets.clientSecret },
    // The only scope allowed for client credentials: the resource's /.default (idp-apis.md §1.1).
    scope: 'https://graph.microsoft.com/.default',
    allowInsecureLoopback: options.allowInsecureLoopback ?? false,
    io,
  });
  const http = createProviderHttp({ provider, io, getToken, parseError: parseGraphError });
  const graph = `${settings.graphBaseUrl}/v1.0`;
  const methods = (user: UserRef) =>
    `${graph}/users/${encodeURIComponent(user.id)}/authentication/fido2Methods`;

  async function getUser(idOrLogin: string): Promise<UserRef> {
    const res = await http({
      operation: 'getUser',
      method: 'GET',
      url: `${graph}/users/${encodeURIComponent(idOrLogin)}`,
      requires: NEEDS.users,
    });
    return toUserRef(res.body as GraphUser);
  }

  return {
    type: 'entra',
    testConnection: () =>
      runTestConnection({
        token: () => getToken(true),
        readOneUser: async () => {
          const res = await http({
            operation: 'readUser',
            method: 'GET',
            url: `${graph}/users?$top=1`,
            requires: NEEDS.users,
          });
          const first = (res.body as { value?: GraphUser[] }).value?.[0];
          return first ? toUserRef(first) : undefined;
        },
      }),
    getUser,
    async searchUsers(query, limit = 25) {
      const q = query.trim();
      const url = q.includes('@')
        ? `${graph}/users?$filter=${encodeURIComponent(`userPrincipalName eq ${odata(q)}`)}&$top=${limit}`
        : `${graph}/users?$search=${encodeURIComponent(`"displayName:${q.replace(/"/g, '')}"`)}&$top=${limit}`;
      const res = await http({
        operation: 'searchUsers',
        method: 'GET',
        url,
        requires: NEEDS.users,
        // $search needs eventual consistency (user-list.md); harmless for $filter.
        headers: { ConsistencyLevel: 'eventual' },
      });
      return ((res.body as { value?: GraphUser[] }).value ?? []).map(toUserRef);
    },
    async beginRegistration({ user }) {
      const res = await http({
        operation: 'creationOptions',
        method: 'GET',
        url: `${methods(user)}/creationOptions`,
        requires: NEEDS.passkeys,
      });
      // The beta doc wraps the object in {value}; v1.0 does not (idp-apis.md §1.2). Accept both.
      const raw = res.body as {
        value?: unknown;
        publicKey?: unknown;
        challengeTimeoutDateTime?: string;
      };
      const body = (raw.publicKey ? raw : raw.value) as
        | { publicKey?: unknown; challengeTimeoutDateTime?: string }
        | undefined;
      const pk = stripOData(body?.publicKey) as Record<string, unknown> | undefined;
      if (pk && Array.isArray(pk.excludeCredentials)) {
        pk.excludeCredentials = (pk.excludeCredentials as { id: string }[]).map((c) => ({
          ...c,
          id: toBase64Url(c.id),
        }));
      }
      const parsed = creationOptionsSchema.safeParse(pk);
      if (!parsed.success || !parsed.data.rp.id) {
        throw idpError({
          kind: 'INVALID_RESPONSE',
          provider,
          operation: 'creationOptions',
          providerMessage: parsed.success
            ? 'publicKey.rp.id missing'
            : `publicKey.${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
        });
      }
      const publicKey: CreationOptions = parsed.data;
      const expires = body?.challengeTimeoutDateTime
        ? new Date(body.challengeTimeoutDateTime)
        : undefined;
      return {
        publicKey,
        // Origin = https:// + rp.id (idp-apis.md §1.3 "safest rule").
        origin: `https://${publicKey.rp.id}`,
        ...(expires && !Number.isNaN(expires.getTime()) ? { expiresAt: expires } : {}),
        providerState: {},
      };
    },
    async completeRegistration({ user, credential, displayName }) {
      const res = await http({
        operation: 'registerPasskey',
        method: 'POST',
        url: methods(user),
        requires: NEEDS.passkeys,
        json: {
          displayName: displayName ?? 'Keyward security key',
          publicKeyCredential: {
            id: credential.credentialId,
            response: {
              clientDataJSON: credential.clientDataJSON,
              attestationObject: credential.attestationObject,
            },
            clientExtensionResults: {},
          },
        },
      }).catch((err) => {
        // Graph has no distinct code for a bad attestation / challenge (idp-apis.md §1.7): a 400
        // on this POST means the registration itself was refused.
        if (err?.details?.status === 400) {
          throw idpError(
            {
              kind: 'ATTESTATION_REJECTED',
              provider,
              operation: 'registerPasskey',
              status: 400,
              providerCode: err.details.providerCode,
              providerMessage: err.details.providerMessage,
            },
            err,
          );
        }
        throw err;
      });
      const id = (res.body as { id?: unknown }).id;
      if (typeof id !== 'string')
        throw idpError({
          kind: 'INVALID_RESPONSE',
          provider,
          operation: 'registerPasskey',
          providerMessage: 'no id in 201 body',
        });
      return { idpCredentialId: id };
    },
    async cancelRegistration() {
      // Entra's challenge is stateless; nothing is pending at the IdP.
    },
    deleteCredential({ user, idpCredentialId }) {
      return deleteIfPresent(http, {
        operation: 'deletePasskey',
        method: 'DELETE',
        url: `${methods(user)}/${encodeURIComponent(idpCredentialId)}`,
        requires: NEEDS.passkeys,
      });
    },
  };
}
