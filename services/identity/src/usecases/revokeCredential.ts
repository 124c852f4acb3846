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
 * revoked. Revoking an already revoked credential is a final CONFLICT naming when it happened;
 * one being revoked by a concurrent request is a retryable CONFLICT (a serial revoke skips it).
 */
export async function revokeCredential(
  deps: IdentityDeps,
  input: RevokeInput,
  actor: string,
): Promise<{ revoked: { credentialId: string; idpId: string }[] }> {
  let targets: RegisteredCredential[];
  if (input.credentialId) {
    const c = await deps.credentials.get(input.credentialId);
    if (c.status === 'revoked') throw alreadyRevoked(c);
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
  const single = Boolean(input.credentialId);
  const revoked: { credentialId: string; idpId: string }[] = [];
  for (const target of targets) {
    const now = deps.clock();
    // One revoker per credential (a lock row, see store/locks.ts): FerretDB does not isolate the
    // conditional status update, so without it concurrent revokes each deleted and announced.
    if (!(await deps.credentials.lockRevoke(target.credentialId, now, staleBefore(now)))) {
      if (!single) continue; // another request is revoking it; the serial sweep skips it
      throw new KeywardError(
        'CONFLICT',
        `credential ${target.credentialId} is being revoked by another request`,
        { details: { credentialId: target.credentialId, retryable: true } },
      );
    }
    try {
      const c = await deps.credentials.get(target.credentialId);
      if (c.status === 'revoked') {
        if (!single) continue;
        throw alreadyRevoked(c);
      }
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
    } finally {
      await deps.credentials.unlockRevoke(target.credentialId);
    }
  }
  return { revoked };
}

/** A revoke lock older than this belongs to a crashed revoker (an IdP delete is far shorter). */
const REVOKE_LEASE_MS = 2 * 60_000;
const staleBefore = (now: Date) => new Date(now.getTime() - REVOKE_LEASE_MS);

function alreadyRevoked(c: RegisteredCredential): KeywardError {
  return new KeywardError(
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
