import { deviceEvents, KeywardError } from '@keyward/contracts';
import type { PolicyVault } from '../bus/policyVault.ts';
import type { EventSink } from '../bus/ports.ts';
import type { DeviceOperations } from '../devices/deviceOperations.ts';
import type { DeviceRegistry } from '../devices/deviceRegistry.ts';
import { adminPinState } from '../domain/deviceFacts.ts';
import type { KeyTask } from './sessionManager.ts';
import { toKeywardError } from './toKeywardError.ts';

export interface ConfigureKeyDeps {
  gatewayId: string;
  ops: DeviceOperations;
  registry: DeviceRegistry;
  vault: PolicyVault;
  events: EventSink;
}

/**
 * Configure one key to a policy (issue 5 "Configure"), under the lease the session holds:
 * read the key → ask the policy service for the plan (it generates and vaults the PINs) →
 * apply the idempotent steps with those PINs (in memory only) → configured / configure_failed.
 * Re-running after an interruption is safe: the plan starts from what the key reports now.
 */
export function configureKey(deps: ConfigureKeyDeps, options: { policyId: string }): KeyTask {
  const { gatewayId, ops, registry, vault, events } = deps;
  const { policyId } = options;
  return async (ctx) => {
    const { device, session, signal } = ctx;
    const actor = session.actor;
    const ref = {
      gatewayId,
      deviceId: device.key.id,
      serial: device.facts.serial,
      aaguid: device.facts.aaguid,
    };
    let completed: string[] = [];
    let current: string | undefined;
    let policyVersion: number | undefined;
    try {
      ctx.step('read', 'start');
      const facts = await ops.readDevice(device.key, { signal });
      ctx.step('read', 'done');
      ctx.step('plan', 'start');
      // The plan's secrets come sealed to this request's reply key and are opened in memory.
      const reply = await vault.plan(
        {
          policyId,
          serial: facts.serial,
          aaguid: facts.aaguid,
          gatewayId,
          info: facts.info,
          adminPinState: adminPinState(facts),
        },
        { actor },
      );
      if (!reply.ok) {
        throw new KeywardError(reply.error.code, `policy service: ${reply.error.message}`, {
          details: { policyId },
        });
      }
      const plan = reply.data;
      policyVersion = plan.policy.version;
      ctx.annotate({ policyId, policyName: plan.policy.name, policyVersion });
      if (!plan.allowed) {
        throw new KeywardError(
          'DEVICE_NOT_ALLOWED',
          `policy "${plan.policy.name}" does not allow this key: ${plan.reasons.join('; ')}`,
          {
            details: { policyId, reasons: plan.reasons },
          },
        );
      }
      ctx.step('plan', 'done');
      completed = [];
      await ops.applyConfig(device.key, {
        steps: plan.steps,
        secrets: plan.secrets,
        signal,
        onStep: (step, phase) => {
          current = phase === 'start' ? step : undefined;
          if (phase === 'done') completed.push(step);
          ctx.step(step, phase);
        },
      });
      const after = await registry.refresh(device.key.id).catch(() => device);
      const info = after.facts.info;
      await events.publish(deviceEvents.configured, {
        actor,
        subject: ref.serial,
        data: {
          ...ref,
          sessionId: session.id,
          policyId,
          policyVersion: plan.policy.version,
          steps: plan.steps.map((s) => s.op),
          pinSet: after.facts.pinSet,
          adminPinSet: after.facts.adminPin?.set ?? false,
          ...(info.minPinLength !== undefined ? { minPinLength: info.minPinLength } : {}),
          ...(info.forcePinChange !== undefined ? { forcePinChange: info.forcePinChange } : {}),
          ...(info.options.alwaysUv !== undefined ? { alwaysUv: info.options.alwaysUv } : {}),
          ...(info.options.ep !== undefined ? { enterpriseAttestation: info.options.ep } : {}),
        },
      });
      return {
        policy: plan.policy,
        steps: plan.steps.map((s) => s.op),
        unsupported: plan.unsupported,
      };
    } catch (error) {
      if (!signal.aborted) {
        const e = toKeywardError(error);
        await events
          .publish(deviceEvents.configureFailed, {
            actor,
            subject: ref.serial,
            data: {
              ...ref,
              sessionId: session.id,
              policyId,
              ...(policyVersion ? { policyVersion } : {}),
              ...(current && isOp(current) ? { step: current } : {}),
              completedSteps: completed.filter(isOp),
              error: { code: e.code, message: e.message },
              retryable: e.code !== 'DEVICE_NOT_ALLOWED',
            },
          })
          .catch(() => undefined);
      }
      throw error;
    }
  };
}

const OPS = [
  'setPin',
  'changePin',
  'setMinPinLength',
  'forcePinChange',
  'setAlwaysUv',
  'enableEnterpriseAttestation',
  'setAdminPin',
] as const;
function isOp(step: string): step is (typeof OPS)[number] {
  return (OPS as readonly string[]).includes(step);
}
