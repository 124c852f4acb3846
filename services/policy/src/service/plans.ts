import { policyEvents } from '@keyward/contracts';
import { planConfiguration } from '../domain/plan/planConfiguration.ts';
import { generateUnlockSecret } from '../domain/unlock/unlockResponse.ts';
import { sealSecret, type VaultKind } from '../domain/vault/vaultCrypto.ts';
import type { PolicyServiceDeps } from './deps.ts';
import type { PlainPlanReply, PlainPlanRequest } from './planTypes.ts';
import { adminPinFor, userPinFor } from './secretsFor.ts';

const EVENT_KIND = { userPin: 'user', adminPin: 'admin', unlockSecret: 'unlock-secret' } as const;

/**
 * keyward.policy.plan: plan the steps, generate the secrets the steps need, seal them in the
 * vault before answering (a gateway that crashes after setting the PIN can still read it), and
 * return them to the gateway only. A refused key gets no secrets and nothing is stored.
 */
export async function planForDevice(
  deps: PolicyServiceDeps,
  { request, actor }: { request: PlainPlanRequest; actor: string },
): Promise<PlainPlanReply> {
  const policy = await deps.policies.get(request.policyId);
  const plan = planConfiguration({
    policy,
    device: {
      serial: request.serial,
      aaguid: request.aaguid,
      info: request.info,
      ...(request.adminPinState ? { adminPinState: request.adminPinState } : {}),
    },
    mds: deps.mds.index(),
  });
  const reply: PlainPlanReply = {
    allowed: plan.allowed,
    reasons: plan.reasons,
    policy: { id: policy.id, version: policy.version, name: policy.name },
    steps: plan.steps,
    unsupported: plan.unsupported,
    secrets: {},
  };
  if (!plan.allowed) return reply;

  const sealed: [VaultKind, string | Uint8Array][] = [];
  if (plan.steps.some((s) => s.op === 'setPin')) {
    const userPin = userPinFor(
      policy,
      { length: plan.userPinLength, keyMinLength: request.info.minPinLength ?? 4 },
      request.chosenUserPin,
    );
    reply.secrets.userPin = userPin;
    sealed.push(['userPin', userPin]);
  }
  if (plan.steps.some((s) => s.op === 'setAdminPin')) {
    const adminPin = adminPinFor(policy);
    const unlockSecret = generateUnlockSecret();
    reply.secrets.adminPin = adminPin;
    reply.secrets.unlockSecret = unlockSecret.toString('base64');
    sealed.push(['adminPin', adminPin], ['unlockSecret', unlockSecret]);
  }
  if (sealed.length === 0) return reply;
  for (const [kind, secret] of sealed) {
    await deps.vault.put({
      serial: request.serial,
      kind,
      sealed: sealSecret({ kek: deps.kek, serial: request.serial, kind, secret }),
      policyId: policy.id,
      aaguid: request.aaguid,
    });
  }
  await deps.events.publish(policyEvents.pinStored, {
    actor,
    subject: request.serial,
    data: {
      serial: request.serial,
      aaguid: request.aaguid,
      policyId: policy.id,
      ...(request.gatewayId ? { gatewayId: request.gatewayId } : {}),
      kinds: sealed.map(([kind]) => EVENT_KIND[kind]),
    },
  });
  return reply;
}
