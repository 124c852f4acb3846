import { randomBytes, randomUUID } from 'node:crypto';
import {
  type InventoryDevice,
  identityRequests,
  KeywardError,
  reportingRequests,
} from '@keyward/contracts';
import {
  createAuth,
  handleRequest,
  type Logger,
  type RequestServer,
  serveRequests,
} from '@keyward/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';
import { type PolicyStandIn, startPolicyStandIn } from './policyStandIn.ts';

/**
 * Minimal in-test counterparts of the policy, identity and reporting services, answering
 * exactly the request/reply contracts of packages/contracts (served with service-kit's
 * serveRequests). They stand in until the real services are started as child processes here.
 */
export interface Responders {
  /** serial → sealed PINs (the "vault"). */
  vault: Map<string, { userPin?: string; adminPin?: string; unlockSecret?: string }>;
  /** serial → inventory record. */
  inventory: Map<string, InventoryDevice>;
  enrollments: Map<
    string,
    { user: string; serial: string; notifyUser?: boolean; completed: boolean; cancelled: boolean }
  >;
  planRequests: number;
  /** keyward.policy.get and keyward.identity.idp.get requests, by id (name look-ups). */
  nameRequests: Map<string, number>;
  /** IdP connections the identity stand-in knows by id (name look-ups). */
  idps: Map<string, string>;
  /** The actor of every keyward.policy.pin.read request, in order (what policy would audit). */
  pinReadActors: string[];
  /** The policy stand-in (absent with `policy: false`). */
  policy: PolicyStandIn | undefined;
  stop(): Promise<void>;
}

export { POLICIES } from './policyStandIn.ts';

export async function startResponders(
  nc: NatsConnection,
  logger: Logger,
  options: {
    /** The JWT issuer whose tokens the policy stand-in verifies (as the real service would). */
    issuer: { issuer: string; jwksUrl: string };
    policy?: boolean;
    reporting?: boolean;
  },
): Promise<Responders> {
  const vault = new Map<string, { userPin?: string; adminPin?: string; unlockSecret?: string }>();
  const inventory = new Map<string, InventoryDevice>();
  const enrollments = new Map<
    string,
    { user: string; serial: string; notifyUser?: boolean; completed: boolean; cancelled: boolean }
  >();
  const state = { planRequests: 0 };
  const pinReadActors: string[] = [];
  const nameRequests = new Map<string, number>();
  const idps = new Map<string, string>([['default-idp', 'Default Entra']]);
  const counted = (id: string) => nameRequests.set(id, (nameRequests.get(id) ?? 0) + 1);

  const policy =
    options.policy === false
      ? undefined
      : await startPolicyStandIn(nc, logger, {
          auth: createAuth({ issuer: options.issuer.issuer, jwksUrl: options.issuer.jwksUrl }),
          vault,
          state,
          pinReadActors,
          counted,
        });

  const identity = await serveRequests(nc, {
    service: 'identity-stand-in',
    version: '0.0.1',
    logger,
    handlers: [
      handleRequest(identityRequests.enrollmentBegin, async (data) => {
        const enrollmentId = randomUUID();
        enrollments.set(enrollmentId, {
          user: data.user,
          serial: data.deviceSerial,
          ...(data.notifyUser !== undefined ? { notifyUser: data.notifyUser } : {}),
          completed: false,
          cancelled: false,
        });
        return {
          enrollmentId,
          idpId: data.idpId ?? 'default-idp',
          user: { id: data.user, name: data.user },
          publicKey: {
            rp: { id: 'login.example.com', name: 'Example' },
            user: {
              id: Buffer.from(data.user).toString('base64url'),
              name: data.user,
              displayName: data.user,
            },
            challenge: randomBytes(32).toString('base64url'),
            pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
            authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
            attestation: 'direct',
          },
          origin: 'https://login.example.com',
          expiresAt: new Date(Date.now() + 300_000).toISOString(),
        } as never;
      }),
      handleRequest(identityRequests.enrollmentComplete, async (data) => {
        const e = enrollments.get(data.enrollmentId);
        if (!e) throw new KeywardError('NOT_FOUND', `no enrollment ${data.enrollmentId}`);
        e.completed = true;
        return {
          credentialId: data.credentialId,
          idpCredentialId: `idp-${data.credentialId.slice(0, 8)}`,
          user: { id: e.user },
        };
      }),
      handleRequest(identityRequests.idpGet, async ({ idpId }) => {
        counted(idpId);
        const name = idps.get(idpId);
        if (!name) throw new KeywardError('NOT_FOUND', `IdP connection ${idpId} does not exist`);
        return { id: idpId, name, type: 'entra' as const, isDefault: idpId === 'default-idp' };
      }),
      handleRequest(identityRequests.enrollmentCancel, async (data) => {
        const e = enrollments.get(data.enrollmentId);
        if (e) e.cancelled = true;
        return { cancelled: e !== undefined };
      }),
    ],
  });

  const reporting =
    options.reporting === false
      ? undefined
      : await serveRequests(nc, {
          service: 'reporting-stand-in',
          version: '0.0.1',
          logger,
          handlers: [
            handleRequest(reportingRequests.inventoryGet, async (data) => ({
              devices: data.serials.flatMap((s) => (inventory.has(s) ? [inventory.get(s)!] : [])),
            })),
          ],
        });

  const servers: RequestServer[] = [
    identity,
    ...(reporting ? [reporting] : []),
    ...(policy ? [policy.server] : []),
  ];
  return {
    policy,
    vault,
    inventory,
    enrollments,
    pinReadActors,
    nameRequests,
    idps,
    get planRequests() {
      return state.planRequests;
    },
    async stop() {
      for (const s of servers) await s.stop();
    },
  };
}
