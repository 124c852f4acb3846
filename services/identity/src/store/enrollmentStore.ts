import type { CreationOptions, ErrorBody, UserRef } from '@keyward/contracts';
import { KeywardError } from '@keyward/contracts';
import type { Enrollment, EnrollmentStatus } from '../domain/enrollment/enrollment.ts';
import { createLocks } from './locks.ts';
import type { EnrollmentDoc, Models } from './models.ts';

function toEnrollment(d: EnrollmentDoc): Enrollment {
  return {
    id: d._id,
    idpId: d.idpId,
    user: d.user as UserRef,
    serial: d.serial,
    ...(d.aaguid ? { aaguid: d.aaguid } : {}),
    ...(d.gatewayId ? { gatewayId: d.gatewayId } : {}),
    status: d.status as EnrollmentStatus,
    publicKey: d.publicKey as CreationOptions,
    origin: d.origin,
    providerState: d.providerState,
    createdAt: d.createdAt,
    expiresAt: d.expiresAt,
    ...(d.completingSince ? { completingSince: d.completingSince } : {}),
    ...(d.credentialId ? { credentialId: d.credentialId } : {}),
    ...(d.idpCredentialId ? { idpCredentialId: d.idpCredentialId } : {}),
    ...(d.error ? { error: d.error as unknown as ErrorBody } : {}),
    ...(d.notifyUser !== undefined ? { notifyUser: d.notifyUser } : {}),
  };
}

/**
 * Enrollment documents. Every state change is one conditional single-document update on the
 * expected status, so two concurrent completes cannot both reach the IdP.
 */
export function createEnrollmentStore(models: Models) {
  const locks = createLocks(models);
  return {
    async insert(e: Enrollment, actor: string): Promise<void> {
      const { id, error, ...rest } = e;
      const doc: EnrollmentDoc = {
        ...rest,
        _id: id,
        user: { ...e.user },
        publicKey: e.publicKey as unknown as Record<string, unknown>,
        ...(error ? { error: { ...error } } : {}),
        actor,
      };
      await models.enrollment.create(doc);
    },

    async get(id: string): Promise<Enrollment> {
      const d = await models.enrollment.findById(id).lean();
      if (!d)
        throw new KeywardError('NOT_FOUND', `enrollment ${id} does not exist`, {
          details: { enrollmentId: id },
        });
      return toEnrollment(d);
    },

    /** Moves `from` → `to` atomically; false when the enrollment was no longer in `from`. */
    async transition(
      id: string,
      from: EnrollmentStatus[],
      to: EnrollmentStatus,
      set: Partial<EnrollmentDoc> = {},
      unset: (keyof EnrollmentDoc)[] = [],
    ): Promise<boolean> {
      const update: Record<string, unknown> = { $set: { ...set, status: to } };
      if (unset.length) update.$unset = Object.fromEntries(unset.map((k) => [k, '']));
      const res = await models.enrollment.updateOne({ _id: id, status: { $in: from } }, update);
      return res.modifiedCount === 1;
    },

    /**
     * Claims a live enrollment for completion: one winner even on FerretDB (see locks.ts); a claim
     * older than `staleBefore` (a crashed completer) is taken over.
     */
    async claim(id: string, now: Date, staleBefore: Date): Promise<boolean> {
      if (!(await locks.acquire(`enrollment:${id}`, now, staleBefore))) return false;
      const res = await models.enrollment.updateOne(
        { _id: id, status: { $in: ['options_stored', 'completing'] } },
        { $set: { status: 'completing', completingSince: now } },
      );
      if (res.modifiedCount !== 1) {
        await locks.release(`enrollment:${id}`);
        return false;
      }
      return true;
    },

    /**
     * Expires a half-done enrollment under the same lock a completer holds, so the sweep and a
     * complete never both act: false when a complete holds the lock or the status moved on.
     */
    async expire(id: string, now: Date, staleBefore: Date): Promise<boolean> {
      if (!(await locks.acquire(`enrollment:${id}`, now, staleBefore))) return false;
      try {
        const res = await models.enrollment.updateOne(
          { _id: id, status: 'options_stored' },
          { $set: { status: 'expired' } },
        );
        return res.modifiedCount === 1;
      } finally {
        await locks.release(`enrollment:${id}`);
      }
    },

    /** Drops the completion claim (after the enrollment left `completing`). */
    async release(id: string): Promise<void> {
      await locks.release(`enrollment:${id}`);
    },

    /** Half-done enrollments whose deadline passed. */
    async due(now: Date, limit = 100): Promise<Enrollment[]> {
      const docs = await models.enrollment
        .find({ status: 'options_stored', expiresAt: { $lte: now } })
        .limit(limit)
        .lean();
      return docs.map(toEnrollment);
    },
  };
}

export type EnrollmentStore = ReturnType<typeof createEnrollmentStore>;
