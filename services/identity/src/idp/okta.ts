import type { UserRef } from '@keyward/contracts';
import type { z } from 'zod';
import type { oktaSettingsSchema } from '../domain/connection/connectionConfig.ts';
import { idpError } from '../domain/connection/idpError.ts';
import type { IdpConnector } from './connector.ts';
import { toBase64Url } from './encoding.ts';
import {
  createProviderHttp,
  deleteIfPresent,
  type ParsedProviderError,
  type ProviderIo,
} from './providerHttp.ts';
import { runTestConnection } from './testConnection.ts';
import { createTokenSource } from './tokenSource.ts';

type OktaSettings = z.infer<typeof oktaSettingsSchema>;

interface OktaUser {
  id: string;
  profile: { login: string; email?: string; firstName?: string; lastName?: string };
}

/** WebAuthn challenge lifetime requested at enroll (tokenLifetimeSeconds, idp-apis.md §2.3). */
const CHALLENGE_SECONDS = 300;

function parseOktaError(_status: number, body: unknown): ParsedProviderError {
  const b = body as
    | { errorCode?: unknown; errorSummary?: unknown; errorCauses?: { errorSummary?: unknown }[] }
    | undefined;
  const parsed: ParsedProviderError = {};
  if (typeof b?.errorCode === 'string') parsed.providerCode = b.errorCode;
  const causes = (b?.errorCauses ?? [])
    .map((c) => c.errorSummary)
    .filter((s) => typeof s === 'string');
  if (typeof b?.errorSummary === 'string') {
    parsed.providerMessage = [b.errorSummary, ...causes].join('; ');
  }
  // E0000068 "Invalid Passcode/Answer" is Okta's answer to a bad attestation / challenge.
  if (b?.errorCode === 'E0000068') parsed.kind = 'ATTESTATION_REJECTED';
  if (b?.errorCode === 'E0000157') parsed.kind = 'REJECTED';
  return parsed;
}

function toUserRef(u: OktaUser): UserRef {
  const name = [u.profile.firstName, u.profile.lastName].filter(Boolean).join(' ');
  return {
    id: u.id,
    name: u.profile.login,
    ...(name ? { displayName: name } : {}),
    ...(u.profile.email ? { email: u.profile.email } : {}),
  };
}

/** Okta: API Services app, private_key_jwt, Users + Factors API (idp-apis.md §2). */
export function createOktaConnector(options: {
  settings: OktaSettings;
  secrets: { privateKeyPem: string };
  io: ProviderIo;
  allowInsecureLoopback?: boolean;
}): IdpConnector {
  const { settings, io } = options;
  const provider = 'okta';
  const org = new URL(settings.orgUrl);
  const issuer = settings.authorizationServerUrl ?? org.origin;
  const getToken = createTokenSource({
    provider,
    issuer,
    tokenUrl: `${issuer}/oauth2/v1/token`,
    clientId: settings.clientId,
    auth: {
      kind: 'private_key_jwt',
      privateKeyPem: options.secrets.privateKeyPem,
      keyId: settings.keyId,
    },
    scope: settings.scopes.join(' '),
    allowInsecureLoopback: options.allowInsecureLoopback ?? false,
    io,
  });
  const http = createProviderHttp({ provider, io, getToken, parseError: parseOktaError });
  const api = `${org.origin}/api/v1`;
  const READ = 'scope okta.users.read';
  const MANAGE = 'scope okta.users.manage';
  const factors = (userId: string) => `${api}/users/${encodeURIComponent(userId)}/factors`;

  async function getUser(idOrLogin: string): Promise<UserRef> {
    const res = await http({
      operation: 'getUser',
      method: 'GET',
      url: `${api}/users/${encodeURIComponent(idOrLogin)}`,
      requires: READ,
    });
    return toUserRef(res.body as OktaUser);
  }

  return {
    type: 'okta',
    testConnection: () =>
      runTestConnection({
        token: () => getToken(true),
        readOneUser: async () => {
          const res = await http({
            operation: 'readUser',
            method: 'GET',
            url: `${api}/users?limit=1`,
            requires: READ,
          });
          const first = (res.body as OktaUser[])[0];
          return first ? toUserRef(first) : undefined;
        },
      }),
    getUser,
    async searchUsers(query, limit = 25) {
      const q = query.trim();
      const url = q.includes('@')
        ? `${api}/users?search=${encodeURIComponent(`profile.login eq ${JSON.stringify(q)}`)}&limit=${limit}`
        : `${api}/users?q=${encodeURIComponent(q)}&limit=${limit}`;
      const res = await http({ operation: 'searchUsers', method: 'GET', url, requires: READ });
      return (res.body as OktaUser[]).map(toUserRef);
    },
    async beginRegistration({ user }) {
      const res = await http({
        operation: 'enrollFactor',
        method: 'POST',
        url: `${factors(user.id)}?tokenLifetimeSeconds=${CHALLENGE_SECONDS}`,
        json: { factorType: 'webauthn', provider: 'FIDO' },
        requires: MANAGE,
      });
      const factor = res.body as {
        id?: string;
        _embedded?: {
          activation?: Record<string, unknown> & {
            challenge?: string;
            user?: { id: string; name: string; displayName: string };
            rp?: { name: string };
          };
        };
      };
      const a = factor._embedded?.activation;
      if (!factor.id || !a?.challenge || !a.user) {
        throw idpError({
          kind: 'INVALID_RESPONSE',
          provider,
          operation: 'enrollFactor',
          providerMessage: 'no _embedded.activation in the enroll response',
        });
      }
      // Okta omits rp.id; the org host is the RP ID and the org URL the origin (idp-apis.md §2.3).
      return {
        publicKey: {
          rp: { id: org.hostname, name: a.rp?.name ?? org.hostname },
          user: { id: toBase64Url(a.user.id), name: a.user.name, displayName: a.user.displayName },
          challenge: toBase64Url(a.challenge),
          pubKeyCredParams: (a.pubKeyCredParams as { type: 'public-key'; alg: number }[]) ?? [
            { type: 'public-key', alg: -7 },
          ],
          timeout: CHALLENGE_SECONDS * 1000,
          excludeCredentials: ((a.excludeCredentials as { id: string }[]) ?? []).map((c) => ({
            type: 'public-key' as const,
            id: toBase64Url(c.id),
          })),
          ...(a.authenticatorSelection
            ? { authenticatorSelection: a.authenticatorSelection as Record<string, never> }
            : {}),
          attestation: typeof a.attestation === 'string' ? a.attestation : 'direct',
        },
        origin: org.origin,
        expiresAt: new Date(io.clock().getTime() + CHALLENGE_SECONDS * 1000),
        providerState: { factorId: factor.id, userId: user.id },
      };
    },
    async completeRegistration({ user, providerState, credential }) {
      const factorId = providerState.factorId;
      if (!factorId) throw new TypeError('okta providerState.factorId missing');
      const res = await http({
        operation: 'activateFactor',
        method: 'POST',
        url: `${factors(user.id)}/${encodeURIComponent(factorId)}/lifecycle/activate`,
        json: { attestation: credential.attestationObject, clientData: credential.clientDataJSON },
        requires: MANAGE,
      });
      const id = (res.body as { id?: unknown }).id;
      return { idpCredentialId: typeof id === 'string' ? id : factorId };
    },
    async cancelRegistration({ user, providerState }) {
      if (!providerState.factorId) return;
      await http({
        operation: 'cancelFactor',
        method: 'DELETE',
        url: `${factors(user.id)}/${encodeURIComponent(providerState.factorId)}`,
        requires: MANAGE,
      }).catch(() => undefined);
    },
    deleteCredential({ user, idpCredentialId }) {
      return deleteIfPresent(http, {
        operation: 'deleteFactor',
        method: 'DELETE',
        url: `${factors(user.id)}/${encodeURIComponent(idpCredentialId)}`,
        requires: MANAGE,
      });
    },
  };
}
