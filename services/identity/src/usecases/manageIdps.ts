import { identityEvents } from '@keyward/contracts';
import type { IdpSecrets, IdpSettings } from '../domain/connection/connectionConfig.ts';
import type { TestConnectionResult } from '../idp/connector.ts';
import type { IdpConnectionView } from '../store/idpStore.ts';
import type { IdentityDeps } from './deps.ts';

const idpRef = (v: IdpConnectionView) => ({ idpId: v.id, type: v.type, name: v.name });

/** Adds a connection (secrets sealed) and announces idp.created (never with secrets). */
export async function createIdp(
  deps: IdentityDeps,
  input: { name: string; settings: IdpSettings; secrets: IdpSecrets; isDefault?: boolean },
  actor: string,
) {
  const view = await deps.idps.create(input);
  await deps.events.publish(identityEvents.idpCreated, {
    actor,
    data: { ...idpRef(view), isDefault: view.isDefault },
  });
  return view;
}

export async function updateIdp(
  deps: IdentityDeps,
  id: string,
  patch: { name?: string; settings?: IdpSettings; secrets?: IdpSecrets; expectedVersion?: number },
  actor: string,
) {
  const { expectedVersion, ...changes } = patch;
  const { view, changedFields } = await deps.idps.update(id, changes, expectedVersion);
  await deps.events.publish(identityEvents.idpUpdated, {
    actor,
    data: { ...idpRef(view), isDefault: view.isDefault, changedFields },
  });
  return view;
}

export async function setDefaultIdp(deps: IdentityDeps, id: string, actor: string) {
  await deps.idps.setDefault(id);
  const view = await deps.idps.get(id);
  await deps.events.publish(identityEvents.idpUpdated, {
    actor,
    data: { ...idpRef(view), isDefault: true, changedFields: ['isDefault'] },
  });
  return view;
}

export async function deleteIdp(deps: IdentityDeps, id: string, actor: string) {
  const view = await deps.idps.remove(id);
  await deps.events.publish(identityEvents.idpDeleted, { actor, data: idpRef(view) });
  return view;
}

/** Test Connection: a token and one user; never throws for provider failures. */
export async function testIdpConnection(
  deps: IdentityDeps,
  id: string,
): Promise<TestConnectionResult> {
  const connector = await deps.connectorFor(id);
  return connector.testConnection();
}
