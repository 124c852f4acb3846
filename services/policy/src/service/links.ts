import { KeywardError, policyEvents } from '@keyward/contracts';
import type { PolicyServiceDeps } from './deps.ts';

/**
 * Links keys (by serial; they need not have been seen yet) to a policy's current version, so
 * they show READY and the gateway's "apply linked policy" configures them with it. A key linked
 * to another policy moves. Each link is announced, which is also its audit record.
 */
export async function linkDevices(
  deps: PolicyServiceDeps,
  { policyId, serials, actor }: { policyId: string; serials: string[]; actor: string },
): Promise<{ policyId: string; policyVersion: number; linked: string[] }> {
  const policy = await deps.policies.get(policyId);
  const linked = [...new Set(serials)];
  for (const serial of linked) {
    await deps.links.link(serial, policy.id, policy.version, actor);
    await deps.events.publish(policyEvents.deviceLinked, {
      actor,
      subject: serial,
      data: { serial, policyId: policy.id, policyVersion: policy.version },
    });
  }
  return { policyId: policy.id, policyVersion: policy.version, linked };
}

export async function unlinkDevice(
  deps: PolicyServiceDeps,
  { policyId, serial, actor }: { policyId: string; serial: string; actor: string },
): Promise<{ policyId: string; serial: string }> {
  if (!(await deps.links.unlink(serial, policyId))) {
    throw new KeywardError('NOT_FOUND', `device ${serial} is not linked to policy ${policyId}`, {
      details: { policyId, serial },
    });
  }
  await deps.events.publish(policyEvents.deviceUnlinked, {
    actor,
    subject: serial,
    data: { serial, policyId },
  });
  return { policyId, serial };
}
