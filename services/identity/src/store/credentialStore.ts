import type { UserRef } from '@keyward/contracts';
import { KeywardError } from '@keyward/contracts';
import { createLocks } from './locks.ts';
import { type CredentialDoc, isDuplicateKey, type Models } from './models.ts';

export interface RegisteredCredential {
  credentialId: string;
  idpId: string;
  user: UserRef;
  serial: string;
  aaguid?: string;
  idpCredentialId: string;
  enrollmentId: string;
  status: 'active' | 'revoked';
  registeredAt: Date;
  revokedAt?: Date;
}

const toCredential = (d: CredentialDoc): RegisteredCredential => ({
  credentialId: d._id,
  idpId: d.idpId,
  user: d.user as UserRef,
  serial: d.serial,
  ...(d.aaguid ? { aaguid: d.aaguid } : {}),
  idpCredentialId: d.idpCredentialId,
  enrollmentId: d.enrollmentId,
  status: d.status,
  registeredAt: d.registeredAt,
  ...(d.revokedAt ? { revokedAt: d.revokedAt } : {}),
});

/** Passkeys registered at an IdP through Keyward (one per completed enrollment). */
export function createCredentialStore(models: Models) {
  const locks = createLocks(models);
  return {
    /**
     * Takes the revoke lock of one credential (see locks.ts): one revoker at a time deletes it at
     * the IdP; a lock older than `staleBefore` (a crashed revoker) is taken over.
     */
    lockRevoke(credentialId: string, now: Date, staleBefore: Date): Promise<boolean> {
      return locks.acquire(`credential:${credentialId}`, now, staleBefore);
    },
    async unlockRevoke(credentialId: string): Promise<void> {
      await locks.release(`credential:${credentialId}`);
    },
    /** Idempotent by enrollment id: recording the same registration twice keeps one row. */
    async record(c: Omit<RegisteredCredential, 'status'>): Promise<void> {
      try {
        await models.credential.create({ ...c, _id: c.credentialId, status: 'active' });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    },
    async get(credentialId: string): Promise<RegisteredCredential> {
      const d = await models.credential.findById(credentialId).lean();
      if (!d)
        throw new KeywardError('NOT_FOUND', `credential ${credentialId} is not known to Keyward`, {
          details: { credentialId },
        });
      return toCredential(d);
    },
    async activeBySerial(serial: string): Promise<RegisteredCredential[]> {
      return (await models.credential.find({ serial, status: 'active' }).lean()).map(toCredential);
    },
    async markRevoked(credentialId: string, at: Date, reason?: string): Promise<boolean> {
      const res = await models.credential.updateOne(
        { _id: credentialId, status: 'active' },
        {
          $set: { status: 'revoked', revokedAt: at, ...(reason ? { revokedReason: reason } : {}) },
        },
      );
      return res.modifiedCount === 1;
    },
  };
}

export type CredentialStore = ReturnType<typeof createCredentialStore>;
