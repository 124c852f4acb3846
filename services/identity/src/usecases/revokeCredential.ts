import { identityEvents, KeywardError } from '@keyward/contracts';
import type { RegisteredCredential } from '../store/credentialStore.ts';
import type { IdentityDeps } from './deps.ts';

export interface RevokeInput {
  idpId?: string;
  user?: string;
  credentialId?: string;
  serial?: string;
  reason?: string;
}

/**
 * Deletes passkeys at the IdP (by credential id, or every active one of a device serial), then
 * marks them revoked and announces credential.revoked. A passkey the IdP no longer has counts as
 * revoked. Revoking an already revoked credential is a final CONFLICT naming when it happened.
 */
export async function revokeCredential(
  deps: IdentityDeps,
  input: RevokeInput,
  actor: string,
): Promise<{ revoked: { credentialId: string; idpId: string }[] }> {
  let targets: RegisteredCredential[];
  if (input.credentialId) {
    const c = await deps.credentials.get(input.credentialId);
    if (c.status === 'revoked') {
      throw new KeywardError(
        'CONFLICT',
        `credential ${c.credentialId} was already revoked at ${c.revokedAt?.toISOString()}`,
        {
          details: {
            credentialId: c.credentialId,
            revokedAt: c.revokedAt?.toISOString(),
            retryable: false,
          },
        },
      );
    }
    targets = [c];
  } else if (input.serial) {
    targets = await deps.credentials.activeBySerial(input.serial);
    if (targets.length === 0)
      throw new KeywardError('NOT_FOUND', `no active credential for serial ${input.serial}`, {
        details: { serial: input.serial },
      });
  } else {
    throw new KeywardError('VALIDATION_FAILED', 'credentialId or serial: one is required', {
      details: { field: 'credentialId' },
    });
  }
  if (input.idpId) targets = targets.filter((t) => t.idpId === input.idpId);
  const revoked: { credentialId: string; idpId: string }[] = [];
  for (const c of targets) {
    const connector = await deps.connectorFor(c.idpId);
    await connector.deleteCredential({
      user: c.user,
      idpCredentialId: c.idpCredentialId,
      credentialId: c.credentialId,
    });
    if (await deps.credentials.markRevoked(c.credentialId, deps.clock(), input.reason)) {
      await deps.events.publish(identityEvents.credentialRevoked, {
        actor,
        subject: c.serial,
        data: {
          idpId: c.idpId,
          user: c.user,
          credentialId: c.credentialId,
          idpCredentialId: c.idpCredentialId,
          serial: c.serial,
          ...(input.reason ? { reason: input.reason } : {}),
        },
      });
    }
    revoked.push({ credentialId: c.credentialId, idpId: c.idpId });
  }
  return { revoked };
}
