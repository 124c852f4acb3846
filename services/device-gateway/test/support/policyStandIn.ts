import { randomBytes } from 'node:crypto';
import {
  type ConfigStep,
  type KeyedSealedValue,
  KeywardError,
  policyRequests,
} from '@keyward/contracts';
import { remoteUnlockResponse } from '@keyward/ctap';
import {
  generateTransportKeyPair,
  openSealedText,
  sealToRecipient,
  type TransportKeyPair,
} from '@keyward/secret-envelope';
import {
  type Auth,
  handleRequest,
  type Logger,
  type RequestServer,
  serveRequests,
} from '@keyward/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';

export const POLICIES = {
  std: { id: 'std', version: 1, name: 'Standard', minPinLength: 6, adminPin: false },
  ent: { id: 'ent', version: 2, name: 'Enterprise', minPinLength: 8, adminPin: true },
} as const;

export type StandInVault = Map<
  string,
  { userPin?: string; adminPin?: string; unlockSecret?: string }
>;

export interface PolicyStandIn {
  server: RequestServer;
  /** The stand-in's transport key; replace it to act as a policy whose KEK rotated. */
  key: TransportKeyPair;
  /** keyward.policy.sealing-key requests answered. */
  sealingKeyRequests: number;
}

/**
 * The policy service's bus side as the gateway sees it (ADR 0007): its own transport key,
 * secrets opened from and sealed to the keys the real service uses, and tokens verified with
 * service-kit's createAuth against the harness issuer.
 */
export async function startPolicyStandIn(
  nc: NatsConnection,
  logger: Logger,
  input: {
    auth: Auth;
    vault: StandInVault;
    state: { planRequests: number };
    pinReadActors: string[];
    counted: (id: string) => void;
  },
): Promise<PolicyStandIn> {
  const { auth, vault, state, pinReadActors, counted } = input;
  const staged = new Map<string, string | undefined>();
  const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');
  const self: Omit<PolicyStandIn, 'server'> = {
    key: generateTransportKeyPair(),
    sealingKeyRequests: 0,
  };
  type Ctx = { subject: string; serial: string; replyKey: string };
  const open = (sealed: KeyedSealedValue, field: string, c: Ctx) => {
    if (sealed.kid !== self.key.keyId) throw new KeywardError('SEALING_KEY_UNKNOWN', 'rotated');
    return openSealedText(sealed, { recipient: self.key, context: { ...c, field } });
  };
  const seal = (value: string | Uint8Array, field: string, c: Ctx) =>
    sealToRecipient(value, {
      recipient: c.replyKey,
      context: { subject: c.subject, serial: c.serial, field },
    });
  const permissionsOf = async (sealed: KeyedSealedValue | undefined, c: Ctx) => {
    if (!sealed) throw new KeywardError('UNAUTHENTICATED', 'no token');
    const principal = await auth.verify(`Bearer ${open(sealed, 'authorization', c)}`);
    return principal.permissions;
  };
  const ctxOf = (subject: string, d: { serial: string; replyKey: string }): Ctx => ({
    subject,
    serial: d.serial,
    replyKey: d.replyKey,
  });

  const server = await serveRequests(nc, {
    service: 'policy-stand-in',
    version: '0.0.1',
    logger,
    handlers: [
      handleRequest(policyRequests.sealingKey, async () => {
        self.sealingKeyRequests += 1;
        return {
          publicKey: self.key.publicKey,
          keyId: self.key.keyId,
          algorithm: 'X25519-HKDF-SHA256-A256GCM' as const,
        };
      }),
      handleRequest(policyRequests.plan, async (data) => {
        state.planRequests += 1;
        const c = ctxOf(policyRequests.plan.subject, data);
        const p = POLICIES[data.policyId as keyof typeof POLICIES];
        if (!p) throw new KeywardError('NOT_FOUND', `no policy "${data.policyId}"`);
        const pinSet = data.info.options.clientPin === true;
        const held = vault.get(data.serial) ?? {};
        const userPin = held.userPin ?? digits(p.minPinLength);
        const steps: ConfigStep[] = [];
        if (!pinSet) steps.push({ op: 'setPin' });
        if ((data.info.minPinLength ?? 4) < p.minPinLength)
          steps.push({ op: 'setMinPinLength', minPinLength: p.minPinLength });
        const managed =
          p.adminPin && data.adminPinState !== undefined && data.adminPinState !== 'absent';
        const adminPin = managed ? (held.adminPin ?? digits(10)) : undefined;
        const unlockSecret = managed
          ? (held.unlockSecret ?? randomBytes(32).toString('base64url'))
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
            userPin: seal(userPin, 'userPin', c),
            ...(adminPin ? { adminPin: seal(adminPin, 'adminPin', c) } : {}),
            ...(unlockSecret
              ? { unlockSecret: seal(Buffer.from(unlockSecret, 'base64url'), 'unlockSecret', c) }
              : {}),
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
        const c = ctxOf(policyRequests.pinRead.subject, data);
        const held = vault.get(data.serial) ?? {};
        // `use` without a token is the gateway's own step (user PIN only), as the real service.
        const permissions =
          data.purpose === 'use' && !data.authorization
            ? new Set(['device:userpin:read'])
            : await permissionsOf(data.authorization, c);
        const wantUser = data.which !== 'admin';
        const wantAdmin = data.which !== 'user';
        const canUser = data.purpose === 'use' || permissions.has('device:userpin:read');
        const canAdmin = data.purpose === 'view' && permissions.has('device:adminpin:read');
        return {
          ...(wantUser && canUser && held.userPin
            ? { userPin: seal(held.userPin, 'userPin', c) }
            : {}),
          ...(wantAdmin && canAdmin && held.adminPin
            ? { adminPin: seal(held.adminPin, 'adminPin', c) }
            : {}),
          denied: [
            ...(wantUser && !canUser ? (['user'] as const) : []),
            ...(wantAdmin && !canAdmin ? (['admin'] as const) : []),
          ],
        };
      }),
      handleRequest(policyRequests.unlockResponse, async (data) => {
        const c = ctxOf(policyRequests.unlockResponse.subject, data);
        if (!(await permissionsOf(data.authorization, c)).has('device:unlock')) {
          throw new KeywardError('FORBIDDEN', 'remote unlock requires device:unlock');
        }
        const secret = vault.get(data.serial)?.unlockSecret;
        if (!secret) throw new KeywardError('NOT_FOUND', `no unlock secret for ${data.serial}`);
        const challenge =
          data.challenge.length === 32
            ? Buffer.from(data.challenge, 'hex')
            : Buffer.from(data.challenge, 'base64url');
        const response = remoteUnlockResponse(Buffer.from(secret, 'base64url'), challenge);
        return { response: seal(response, 'response', c) };
      }),
      handleRequest(policyRequests.pinStore, async (data) => {
        const c = ctxOf(policyRequests.pinStore.subject, data);
        if (!(await permissionsOf(data.authorization, c)).has('device:unlock')) {
          throw new KeywardError('FORBIDDEN', 'storing a PIN requires device:unlock');
        }
        const chosen = data.userPin ? open(data.userPin, 'userPin', c) : undefined;
        const adminPin = data.adminPin ? open(data.adminPin, 'adminPin', c) : undefined;
        if (chosen && chosen.length < 6)
          throw new KeywardError(
            'POLICY_VIOLATION',
            'userPin: shorter than the policy minimum of 6',
          );
        // As the real service: a generated PIN is made here, at least the key's minimum long.
        const userPin = data.generateUserPin ? digits(Math.max(8, data.minPinLength ?? 0)) : chosen;
        const held = vault.get(data.serial) ?? {};
        // As the real service: a `pending` user PIN waits for pin.settle.
        if (data.pending) staged.set(data.serial, userPin);
        else
          vault.set(data.serial, {
            ...held,
            ...(userPin ? { userPin } : {}),
            ...(adminPin ? { adminPin } : {}),
          });
        return {
          stored: [
            ...(userPin ? (['user'] as const) : []),
            ...(adminPin ? (['admin'] as const) : []),
          ],
          ...(data.generateUserPin && userPin ? { userPin: seal(userPin, 'userPin', c) } : {}),
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
  return Object.assign(self, { server });
}
