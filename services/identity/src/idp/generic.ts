import { createHmac, randomBytes } from 'node:crypto';
import type { UserRef } from '@keyward/contracts';
import { verifyRegistrationResponse } from '@simplewebauthn/server';
import type { z } from 'zod';
import type { genericSettingsSchema } from '../domain/connection/connectionConfig.ts';
import { idpError } from '../domain/connection/idpError.ts';
import type { IdpConnector } from './connector.ts';
import { createProviderHttp, type ParsedProviderError, type ProviderIo } from './providerHttp.ts';
import { runTestConnection } from './testConnection.ts';
import { createTokenSource } from './tokenSource.ts';

type GenericSettings = z.infer<typeof genericSettingsSchema>;

interface ScimUser {
  id: string;
  userName: string;
  displayName?: string;
  emails?: { value: string; primary?: boolean }[];
}

const CHALLENGE_SECONDS = 300;

function parseScimError(_status: number, body: unknown): ParsedProviderError {
  // SCIM error (RFC 7644 §3.12): {schemas, status, scimType?, detail?}
  const b = body as { scimType?: unknown; detail?: unknown } | undefined;
  return {
    ...(typeof b?.scimType === 'string' ? { providerCode: b.scimType } : {}),
    ...(typeof b?.detail === 'string' ? { providerMessage: b.detail } : {}),
  };
}

function toUserRef(u: ScimUser): UserRef {
  const email = u.emails?.find((e) => e.primary)?.value ?? u.emails?.[0]?.value;
  return {
    id: u.id,
    name: u.userName,
    ...(u.displayName ? { displayName: u.displayName } : {}),
    ...(email ? { email } : {}),
  };
}

/**
 * Any other IdP: users from a SCIM 2.0 endpoint; Keyward itself issues the challenge and verifies
 * the attestation, then reports `passkey.registered` / `passkey.revoked` to the customer's webhook,
 * signed `X-Keyward-Signature: sha256=<hex HMAC of the body>`.
 */
export function createGenericConnector(options: {
  settings: GenericSettings;
  secrets: { clientSecret: string; webhookSecret: string };
  io: ProviderIo;
  allowInsecureLoopback?: boolean;
}): IdpConnector {
  const { settings, io } = options;
  const provider = 'generic';
  const getToken = createTokenSource({
    provider,
    issuer: new URL(settings.tokenUrl).origin,
    tokenUrl: settings.tokenUrl,
    clientId: settings.clientId,
    auth: { kind: 'client_secret_post', secret: options.secrets.clientSecret },
    ...(settings.scopes.length ? { scope: settings.scopes.join(' ') } : {}),
    allowInsecureLoopback: options.allowInsecureLoopback ?? false,
    io,
  });
  const http = createProviderHttp({ provider, io, getToken, parseError: parseScimError });
  const scim = settings.scimBaseUrl.replace(/\/$/, '');
  const origin = `https://${settings.rpId}`;

  async function notify(event: string, payload: Record<string, unknown>) {
    const body = JSON.stringify({ event, ...payload, at: io.clock().toISOString() });
    const signature = createHmac('sha256', options.secrets.webhookSecret)
      .update(body)
      .digest('hex');
    const res = await io
      .fetch(settings.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-keyward-signature': `sha256=${signature}`,
        },
        body,
        signal: AbortSignal.timeout(io.timeoutMs),
      })
      .catch((err) => {
        throw idpError({ kind: 'NETWORK', provider, operation: `webhook ${event}` }, err);
      });
    if (!res.ok)
      throw idpError({
        kind: res.status >= 500 ? 'PROVIDER_ERROR' : 'REJECTED',
        provider,
        operation: `webhook ${event}`,
        status: res.status,
      });
  }

  async function scimSearch(filter: string, count: number): Promise<UserRef[]> {
    const res = await http({
      operation: 'searchUsers',
      method: 'GET',
      url: `${scim}/Users?filter=${encodeURIComponent(filter)}&count=${count}`,
    });
    return ((res.body as { Resources?: ScimUser[] }).Resources ?? []).map(toUserRef);
  }

  return {
    type: 'generic',
    testConnection: () =>
      runTestConnection({
        token: () => getToken(true),
        readOneUser: async () => {
          const res = await http({
            operation: 'readUser',
            method: 'GET',
            url: `${scim}/Users?count=1`,
          });
          const first = (res.body as { Resources?: ScimUser[] }).Resources?.[0];
          return first ? toUserRef(first) : undefined;
        },
      }),
    async getUser(idOrLogin) {
      const [user] = await scimSearch(`userName eq ${JSON.stringify(idOrLogin)}`, 1);
      if (user) return user;
      const res = await http({
        operation: 'getUser',
        method: 'GET',
        url: `${scim}/Users/${encodeURIComponent(idOrLogin)}`,
      });
      return toUserRef(res.body as ScimUser);
    },
    searchUsers: (query, limit = 25) =>
      scimSearch(`userName sw ${JSON.stringify(query.trim())}`, limit),
    async beginRegistration({ user }) {
      const challenge = randomBytes(32).toString('base64url');
      return {
        publicKey: {
          rp: { id: settings.rpId, name: settings.rpName },
          user: {
            id: Buffer.from(user.id).toString('base64url'),
            name: user.name ?? user.id,
            displayName: user.displayName ?? user.name ?? user.id,
          },
          challenge,
          pubKeyCredParams: [
            { type: 'public-key', alg: -7 },
            { type: 'public-key', alg: -8 },
            { type: 'public-key', alg: -257 },
          ],
          timeout: CHALLENGE_SECONDS * 1000,
          authenticatorSelection: {
            residentKey: 'required',
            requireResidentKey: true,
            userVerification: 'required',
          },
          attestation: 'direct',
        },
        origin,
        expiresAt: new Date(io.clock().getTime() + CHALLENGE_SECONDS * 1000),
        providerState: { challenge },
      };
    },
    async completeRegistration({ user, providerState, credential }) {
      let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
      try {
        verified = await verifyRegistrationResponse({
          response: {
            id: credential.credentialId,
            rawId: credential.credentialId,
            type: 'public-key',
            response: {
              clientDataJSON: credential.clientDataJSON,
              attestationObject: credential.attestationObject,
            },
            clientExtensionResults: {},
          },
          expectedChallenge: providerState.challenge ?? '',
          expectedOrigin: origin,
          expectedRPID: settings.rpId,
        });
      } catch (err) {
        throw idpError(
          {
            kind: 'ATTESTATION_REJECTED',
            provider,
            operation: 'verifyAttestation',
            providerMessage: (err as Error).message,
          },
          err,
        );
      }
      if (!verified.verified)
        throw idpError({ kind: 'ATTESTATION_REJECTED', provider, operation: 'verifyAttestation' });
      const info = verified.registrationInfo;
      await notify('passkey.registered', {
        user,
        credential: {
          id: info.credential.id,
          publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
          aaguid: info.aaguid,
          fmt: info.fmt,
          transports: credential.transports ?? [],
        },
      });
      return { idpCredentialId: info.credential.id };
    },
    async cancelRegistration() {},
    async deleteCredential({ user, idpCredentialId }) {
      await notify('passkey.revoked', { user, credential: { id: idpCredentialId } });
      return { alreadyGone: false };
    },
  };
}
