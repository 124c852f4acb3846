import { randomBytes, randomUUID } from 'node:crypto';
import {
  type ConfigStep,
  type InventoryDevice,
  identityRequests,
  KeywardError,
  policyRequests,
  reportingRequests,
} from '@keyward/contracts';
import { remoteUnlockResponse } from '@keyward/ctap';
import {
  handleRequest,
  type Logger,
  type RequestServer,
  serveRequests,
} from '@keyward/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';

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
  stop(): Promise<void>;
}

export const POLICIES = {
  std: { id: 'std', version: 1, name: 'Standard', minPinLength: 6, adminPin: false },
  ent: { id: 'ent', version: 2, name: 'Enterprise', minPinLength: 8, adminPin: true },
} as const;

export async function startResponders(
  nc: NatsConnection,
  logger: Logger,
  options: { policy?: boolean; reporting?: boolean } = {},
): Promise<Responders> {
  const vault = new Map<string, { userPin?: string; adminPin?: string; unlockSecret?: string }>();
  const staged = new Map<string, string | undefined>();
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
  const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');

  const policy =
    options.policy === false
      ? undefined
      : await serveRequests(nc, {
          service: 'policy-stand-in',
          version: '0.0.1',
          logger,
          handlers: [
            handleRequest(policyRequests.plan, async (data) => {
              state.planRequests += 1;
              const p = POLICIES[data.policyId as keyof typeof POLICIES];
              if (!p) throw new KeywardError('NOT_FOUND', `no policy "${data.policyId}"`);
              const pinSet = data.info.options.clientPin === true;
              const sealed = vault.get(data.serial) ?? {};
              const userPin = sealed.userPin ?? digits(p.minPinLength);
              const steps: ConfigStep[] = [];
              if (!pinSet) steps.push({ op: 'setPin' });
              if ((data.info.minPinLength ?? 4) < p.minPinLength)
                steps.push({ op: 'setMinPinLength', minPinLength: p.minPinLength });
              const managed =
                p.adminPin && data.adminPinState !== undefined && data.adminPinState !== 'absent';
              const adminPin = managed ? (sealed.adminPin ?? digits(10)) : undefined;
              const unlockSecret = managed
                ? (sealed.unlockSecret ?? randomBytes(32).toString('base64url'))
                : undefined;
              if (adminPin && data.adminPinState === 'not-set') steps.push({ op: 'setAdminPin' });
              vault.set(data.serial, {
                userPin,
                ...(adminPin ? { adminPin } : {}),
                ...(unlockSecret ? { unlockSecret } : {}),
              });
              return {
                allowed: true,
                reasons: [],
                policy: { id: p.id, version: p.version, name: p.name },
                steps,
                unsupported: [],
                secrets: {
                  userPin,
                  ...(adminPin ? { adminPin } : {}),
                  ...(unlockSecret ? { unlockSecret } : {}),
                },
              };
            }),
            handleRequest(policyRequests.get, async ({ policyId }) => {
              counted(policyId);
              const p = POLICIES[policyId as keyof typeof POLICIES];
              if (!p) throw new KeywardError('NOT_FOUND', `no policy "${policyId}"`);
              const at = new Date(0).toISOString();
              return {
                id: p.id,
                version: p.version,
                name: p.name,
                pin: { minLength: p.minPinLength },
                createdAt: at,
                updatedAt: at,
                updatedBy: 'user:test',
              } as never;
            }),
            handleRequest(policyRequests.pinRead, async (data, ctx) => {
              pinReadActors.push(ctx.actor ?? 'anonymous');
              const sealed = vault.get(data.serial) ?? {};
              const wantUser = data.which !== 'admin';
              const wantAdmin = data.which !== 'user';
              const canUser = data.permissions.includes('device:userpin:read');
              const canAdmin = data.permissions.includes('device:adminpin:read');
              return {
                ...(wantUser && canUser && sealed.userPin ? { userPin: sealed.userPin } : {}),
                ...(wantAdmin && canAdmin && sealed.adminPin ? { adminPin: sealed.adminPin } : {}),
                denied: [
                  ...(wantUser && !canUser ? (['user'] as const) : []),
                  ...(wantAdmin && !canAdmin ? (['admin'] as const) : []),
                ],
              };
            }),
            handleRequest(policyRequests.unlockResponse, async (data) => {
              if (!data.permissions.includes('device:unlock')) {
                throw new KeywardError('FORBIDDEN', 'remote unlock requires device:unlock');
              }
              const secret = vault.get(data.serial)?.unlockSecret;
              if (!secret)
                throw new KeywardError('NOT_FOUND', `no unlock secret for ${data.serial}`);
              const challenge =
                data.challenge.length === 32
                  ? Buffer.from(data.challenge, 'hex')
                  : Buffer.from(data.challenge, 'base64url');
              const response = Buffer.from(
                remoteUnlockResponse(Buffer.from(secret, 'base64url'), challenge),
              );
              return {
                response: response.toString('hex'),
                responseBase64url: response.toString('base64url'),
              };
            }),
            handleRequest(policyRequests.pinStore, async (data) => {
              if (data.userPin && data.userPin.length < 6)
                throw new KeywardError(
                  'POLICY_VIOLATION',
                  'userPin: shorter than the policy minimum of 6',
                );
              // As the real service: a generated PIN is made here, at least the key's minimum long.
              const userPin = data.generateUserPin
                ? digits(Math.max(8, data.minPinLength ?? 0))
                : data.userPin;
              const sealed = vault.get(data.serial) ?? {};
              // As the real service: a `pending` user PIN waits for pin.settle.
              if (data.pending) staged.set(data.serial, userPin);
              else
                vault.set(data.serial, {
                  ...sealed,
                  ...(userPin ? { userPin } : {}),
                  ...(data.adminPin ? { adminPin: data.adminPin } : {}),
                });
              return {
                stored: [
                  ...(userPin ? (['user'] as const) : []),
                  ...(data.adminPin ? (['admin'] as const) : []),
                ],
                ...(data.generateUserPin ? { userPin } : {}),
              };
            }),
            handleRequest(policyRequests.pinSettle, async ({ serial, outcome }) => {
              const userPin = staged.get(serial);
              staged.delete(serial);
              if (userPin === undefined) return { settled: false };
              if (outcome === 'commit') vault.set(serial, { ...vault.get(serial), userPin });
              return { settled: true };
            }),
          ],
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
    ...(policy ? [policy] : []),
  ];
  return {
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
