import type { UserRef } from '@keyward/contracts';
import type { z } from 'zod';
import type { pingoneSettingsSchema } from '../domain/connection/connectionConfig.ts';
import { idpError } from '../domain/connection/idpError.ts';
import type { IdpConnector } from './connector.ts';
import { signedBytesToBase64Url, toBase64 } from './encoding.ts';
import {
  createProviderHttp,
  deleteIfPresent,
  type ParsedProviderError,
  type ProviderIo,
} from './providerHttp.ts';
import { runTestConnection } from './testConnection.ts';
import { createTokenSource } from './tokenSource.ts';

type PingSettings = z.infer<typeof pingoneSettingsSchema>;

interface PingUser {
  id: string;
  username: string;
  email?: string;
  name?: { formatted?: string; given?: string; family?: string };
}

const ROLE = 'role Identity Data Admin';

function parsePingError(_status: number, body: unknown): ParsedProviderError {
  const b = body as
    | { code?: unknown; message?: unknown; details?: { target?: unknown; message?: unknown }[] }
    | undefined;
  const parsed: ParsedProviderError = {};
  if (typeof b?.code === 'string') parsed.providerCode = b.code;
  const detail = b?.details?.[0];
  if (typeof b?.message === 'string') {
    parsed.providerMessage =
      detail && typeof detail.message === 'string'
        ? `${b.message} ${String(detail.target)}: ${detail.message}`
        : b.message;
  }
  if (
    b?.code === 'INVALID_DATA' &&
    (detail?.target === 'attestation' || detail?.target === 'origin')
  ) {
    parsed.kind = 'ATTESTATION_REJECTED';
  }
  return parsed;
}

function toUserRef(u: PingUser): UserRef {
  const display = u.name?.formatted ?? [u.name?.given, u.name?.family].filter(Boolean).join(' ');
  return {
    id: u.id,
    name: u.username,
    ...(display ? { displayName: display } : {}),
    ...(u.email ? { email: u.email } : {}),
  };
}

/** PingOne worker app + MFA FIDO2 devices (idp-apis.md §3). */
export function createPingOneConnector(options: {
  settings: PingSettings;
  secrets: { clientSecret: string };
  io: ProviderIo;
  allowInsecureLoopback?: boolean;
}): IdpConnector {
  const { settings, io } = options;
  const provider = 'pingone';
  const getToken = createTokenSource({
    provider,
    issuer: `${settings.authBaseUrl}/${settings.envId}/as`,
    tokenUrl: `${settings.authBaseUrl}/${settings.envId}/as/token`,
    clientId: settings.clientId,
    auth: { kind: 'client_secret_basic', secret: options.secrets.clientSecret },
    allowInsecureLoopback: options.allowInsecureLoopback ?? false,
    io,
  });
  const http = createProviderHttp({ provider, io, getToken, parseError: parsePingError });
  const env = `${settings.apiBaseUrl}/environments/${encodeURIComponent(settings.envId)}`;
  const devices = (userId: string) => `${env}/users/${encodeURIComponent(userId)}/devices`;
  const origin = `https://${settings.rpId}`;

  async function findByUsername(username: string, limit: number): Promise<UserRef[]> {
    const filter = `username eq ${JSON.stringify(username)}`;
    const res = await http({
      operation: 'searchUsers',
      method: 'GET',
      url: `${env}/users?filter=${encodeURIComponent(filter)}&limit=${limit}`,
      requires: 'role Identity Data Read Only',
    });
    return ((res.body as { _embedded?: { users?: PingUser[] } })._embedded?.users ?? []).map(
      toUserRef,
    );
  }

  return {
    type: 'pingone',
    testConnection: () =>
      runTestConnection({
        token: () => getToken(true),
        readOneUser: async () => {
          const res = await http({
            operation: 'readUser',
            method: 'GET',
            url: `${env}/users?limit=1`,
            requires: 'role Identity Data Read Only',
          });
          const first = (res.body as { _embedded?: { users?: PingUser[] } })._embedded?.users?.[0];
          return first ? toUserRef(first) : undefined;
        },
      }),
    async getUser(idOrLogin) {
      if (/^[0-9a-f-]{36}$/i.test(idOrLogin)) {
        const res = await http({
          operation: 'getUser',
          method: 'GET',
          url: `${env}/users/${idOrLogin}`,
          requires: 'role Identity Data Read Only',
        });
        return toUserRef(res.body as PingUser);
      }
      const [user] = await findByUsername(idOrLogin, 1);
      if (!user)
        throw idpError({
          kind: 'NOT_FOUND',
          provider,
          operation: 'getUser',
          status: 404,
          providerMessage: `no user with username ${idOrLogin}`,
        });
      return user;
    },
    searchUsers: (query, limit = 25) => findByUsername(query.trim(), limit),
    async beginRegistration({ user, displayName }) {
      const res = await http({
        operation: 'createDevice',
        method: 'POST',
        url: devices(user.id),
        json: {
          type: 'FIDO2',
          rp: { id: settings.rpId, name: settings.rpName },
          policy: { id: settings.fido2PolicyId },
          nickname: displayName ?? 'Keyward security key',
        },
        requires: ROLE,
      });
      const device = res.body as {
        id?: string;
        publicKeyCredentialCreationOptions?: string | Record<string, unknown>;
      };
      if (!device.id || !device.publicKeyCredentialCreationOptions) {
        throw idpError({
          kind: 'INVALID_RESPONSE',
          provider,
          operation: 'createDevice',
          providerMessage: 'no publicKeyCredentialCreationOptions',
        });
      }
      try {
        // A JSON string with signed byte arrays and string algs (idp-apis.md §3.2).
        const o = (
          typeof device.publicKeyCredentialCreationOptions === 'string'
            ? JSON.parse(device.publicKeyCredentialCreationOptions)
            : device.publicKeyCredentialCreationOptions
        ) as Record<string, unknown> & {
          rp: { id?: string; name: string };
          user: { id: unknown; name: string; displayName: string };
          challenge: unknown;
          pubKeyCredParams: { type: 'public-key'; alg: string | number }[];
          excludeCredentials?: { id: unknown; transports?: string[] }[];
          timeout?: number;
        };
        const timeout = typeof o.timeout === 'number' ? o.timeout : 120_000;
        return {
          publicKey: {
            rp: { id: o.rp.id ?? settings.rpId, name: o.rp.name },
            user: {
              id: signedBytesToBase64Url(o.user.id),
              name: o.user.name,
              displayName: o.user.displayName,
            },
            challenge: signedBytesToBase64Url(o.challenge),
            pubKeyCredParams: o.pubKeyCredParams.map((p) => ({
              type: 'public-key' as const,
              alg: Number(p.alg),
            })),
            timeout,
            excludeCredentials: (o.excludeCredentials ?? []).map((c) => ({
              type: 'public-key' as const,
              id: signedBytesToBase64Url(c.id),
            })),
            ...(o.authenticatorSelection
              ? { authenticatorSelection: o.authenticatorSelection as Record<string, never> }
              : {}),
            ...(typeof o.attestation === 'string' ? { attestation: o.attestation } : {}),
          },
          origin,
          expiresAt: new Date(io.clock().getTime() + timeout),
          providerState: { deviceId: device.id, userId: user.id },
        };
      } catch (err) {
        throw idpError(
          {
            kind: 'INVALID_RESPONSE',
            provider,
            operation: 'createDevice',
            providerMessage: 'publicKeyCredentialCreationOptions did not parse',
          },
          err,
        );
      }
    },
    async completeRegistration({ user, providerState, credential }) {
      const deviceId = providerState.deviceId;
      if (!deviceId) throw new TypeError('pingone providerState.deviceId missing');
      await http({
        operation: 'activateDevice',
        method: 'POST',
        url: `${devices(user.id)}/${encodeURIComponent(deviceId)}`,
        contentType: 'application/vnd.pingidentity.device.activate+json',
        json: {
          origin,
          // The browser PublicKeyCredential serialised as a JSON string, binary fields standard
          // base64 (idp-apis.md §3.3).
          attestation: JSON.stringify({
            id: credential.credentialId,
            rawId: toBase64(credential.credentialId),
            type: 'public-key',
            response: {
              clientDataJSON: toBase64(credential.clientDataJSON),
              attestationObject: toBase64(credential.attestationObject),
            },
            clientExtensionResults: {},
          }),
        },
        requires: ROLE,
      });
      return { idpCredentialId: deviceId };
    },
    async cancelRegistration({ user, providerState }) {
      if (!providerState.deviceId) return;
      await http({
        operation: 'cancelDevice',
        method: 'DELETE',
        url: `${devices(user.id)}/${encodeURIComponent(providerState.deviceId)}`,
        requires: ROLE,
      }).catch(() => undefined);
    },
    deleteCredential({ user, idpCredentialId }) {
      return deleteIfPresent(http, {
        operation: 'deleteDevice',
        method: 'DELETE',
        url: `${devices(user.id)}/${encodeURIComponent(idpCredentialId)}`,
        requires: ROLE,
      });
    },
  };
}
