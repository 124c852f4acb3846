import { KeywardError } from '@keyward/contracts';
import type { ProvisioningRequest, ProvisioningUser } from '../domain/provisioning/provisioning.ts';
import { createLocks } from './locks.ts';
import type { Models, ProvisioningRequestDoc } from './models.ts';

/** A provisioning lock older than this belongs to a crashed writer. */
const LOCK_STALE_MS = 30_000;

const toRequest = (d: ProvisioningRequestDoc): ProvisioningRequest => ({
  id: d._id,
  name: d.name,
  policyId: d.policyId,
  ...(d.idpId ? { idpId: d.idpId } : {}),
  mode: d.mode as ProvisioningRequest['mode'],
  users: (d.users as unknown as ProvisioningUser[]).map((u) => ({
    ...u,
    updatedAt: new Date(u.updatedAt),
  })),
  createdAt: d.createdAt,
  createdBy: d.createdBy,
  ...(d.completedAt ? { completedAt: d.completedAt } : {}),
  version: d.version,
});

function toDoc(r: ProvisioningRequest): ProvisioningRequestDoc {
  const { id, users, ...rest } = r;
  return { _id: id, ...rest, users: users.map((u) => JSON.parse(JSON.stringify(u))) };
}

/** Provisioning requests: one document each; writes check `version` (optimistic concurrency). */
export function createProvisioningStore(models: Models) {
  const locks = createLocks(models);
  return {
    async insert(r: ProvisioningRequest): Promise<void> {
      await models.provisioning.create(toDoc(r));
    },
    async get(id: string): Promise<ProvisioningRequest> {
      const d = await models.provisioning.findById(id).lean();
      if (!d)
        throw new KeywardError('NOT_FOUND', `provisioning request ${id} does not exist`, {
          details: { requestId: id },
        });
      return toRequest(d);
    },
    async list(): Promise<ProvisioningRequest[]> {
      return (await models.provisioning.find().sort({ createdAt: -1 }).lean()).map(toRequest);
    },
    /** Serialises writers of one request (see locks.ts); false while another holds it. */
    lock: (id: string, now: Date) =>
      locks.acquire(`provisioning:${id}`, now, new Date(now.getTime() - LOCK_STALE_MS)),
    unlock: (id: string) => locks.release(`provisioning:${id}`),
    /** Replaces the request if nobody wrote since `expectedVersion`; false on a lost race. */
    async replace(r: ProvisioningRequest, expectedVersion: number): Promise<boolean> {
      const { _id, ...doc } = toDoc(r);
      const res = await models.provisioning.replaceOne({ _id, version: expectedVersion }, doc);
      return res.modifiedCount === 1;
    },
  };
}

export type ProvisioningStore = ReturnType<typeof createProvisioningStore>;
