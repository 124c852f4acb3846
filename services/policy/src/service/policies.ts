import { KeywardError, policyEvents } from '@keyward/contracts';
import type { Policy, PolicyInput } from '../domain/policy/policySchema.ts';
import { validatePolicy } from '../domain/policy/validatePolicy.ts';
import { nextVersion } from '../domain/policy/versioning.ts';
import type { PolicyServiceDeps } from './deps.ts';

/** Parse and check a policy body; VALIDATION_FAILED lists every issue with its path. */
export function checkPolicy(deps: Pick<PolicyServiceDeps, 'mds'>, input: unknown): PolicyInput {
  const result = validatePolicy({ input, mds: deps.mds.index() });
  if (result.ok) return result.policy;
  const message = result.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new KeywardError('VALIDATION_FAILED', message, { details: { issues: result.issues } });
}

const ref = (p: Policy) => ({ policyId: p.id, name: p.name, version: p.version });

export async function createPolicy(
  deps: PolicyServiceDeps,
  { input, actor }: { input: unknown; actor: string },
): Promise<Policy> {
  const content = checkPolicy(deps, input);
  const policy = await deps.policies.create(deps.newId(), content, actor);
  await deps.events.publish(policyEvents.created, { actor, subject: policy.id, data: ref(policy) });
  return policy;
}

export async function updatePolicy(
  deps: PolicyServiceDeps,
  {
    id,
    expectedVersion,
    input,
    actor,
  }: { id: string; expectedVersion: number; input: unknown; actor: string },
): Promise<Policy> {
  const content = checkPolicy(deps, input);
  const current = await deps.policies.get(id);
  const {
    id: _i,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    updatedBy: _b,
    ...currentContent
  } = current;
  const decision = nextVersion({
    policyId: id,
    current: { version: current.version, content: currentContent },
    expectedVersion,
    next: content,
  });
  if (!decision.ok) {
    throw new KeywardError('CONFLICT', decision.message, {
      details: { policyId: id, expectedVersion, currentVersion: decision.currentVersion },
    });
  }
  if (!decision.changed) return current;
  const policy = await deps.policies.update(id, current.version, content, actor);
  await deps.events.publish(policyEvents.updated, {
    actor,
    subject: id,
    data: { ...ref(policy), changedFields: decision.changedFields },
  });
  return policy;
}

/**
 * Deletes a policy no key is linked to. A linked key would be left READY for a policy that is
 * gone, so the delete is refused (409) naming the serials: the administrator relinks or unlinks
 * them first, knowingly, rather than the delete silently undoing their links.
 */
export async function deletePolicy(
  deps: PolicyServiceDeps,
  { id, expectedVersion, actor }: { id: string; expectedVersion: number; actor: string },
): Promise<Policy> {
  const serials = (await deps.links.list(id)).map((l) => l.serial);
  if (serials.length > 0) {
    throw new KeywardError(
      'CONFLICT',
      `policy ${id} is used by ${serials.length} key(s): ${serials.slice(0, 20).join(', ')}${serials.length > 20 ? ', …' : ''}; unlink or relink them first`,
      { details: { policyId: id, serials } },
    );
  }
  const policy = await deps.policies.delete(id, expectedVersion);
  await deps.events.publish(policyEvents.deleted, { actor, subject: id, data: ref(policy) });
  return policy;
}
