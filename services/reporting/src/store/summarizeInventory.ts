import { deviceStatusSchema } from '@keyward/contracts';
import type { DeviceStatus } from '../domain/inventory/types.ts';
import type { ReportingModels } from './models.ts';

/** The inventory's counts, as the console's dashboard shows them. */
export interface InventorySummary {
  total: number;
  /** Every status, zeros included. */
  byStatus: Record<DeviceStatus, number>;
  /** Keys whose PIN is blocked (a flag beside the status). */
  locked: number;
  /** Distinct users holding at least one ENROLLED key. */
  enrolledUsers: number;
  /**
   * Keys per configured policy, most first; `policyId` null = no policy. `users`: distinct users
   * holding a key of that policy (the console's Policies list shows both).
   */
  byPolicy: { policyId: string | null; count: number; users: number }[];
  /** Keys per identity provider of their assignment, most first; `idpId` null = unassigned. */
  byIdp: { idpId: string | null; count: number }[];
}

interface Bucket {
  _id: string | null;
  count: number;
}

/**
 * Counts with one aggregation per field, never loading documents: `$sort` on the indexed field
 * lets MongoDB group over a covered index scan (models.ts declares `{field: 1, serial: 1}` for
 * each), and FerretDB runs the same plain `$group`/`$sum` pipelines.
 */
export async function summarizeInventory(models: ReportingModels): Promise<InventorySummary> {
  const groupBy = (field: string, match: Record<string, unknown> = {}) =>
    models.inventory.aggregate<Bucket>([
      { $match: match },
      { $sort: { [field]: 1 } },
      { $group: { _id: `$${field}`, count: { $sum: 1 } } },
    ]);
  // Two $group stages: distinct (policy, user) pairs, then pairs per policy.
  const usersPerPolicy = models.inventory.aggregate<Bucket>([
    { $match: { 'user.id': { $type: 'string' } } },
    { $group: { _id: { p: '$policyId', u: '$user.id' } } },
    { $group: { _id: '$_id.p', count: { $sum: 1 } } },
  ]);
  const [statuses, policies, idps, enrolled, locked, policyUsers] = await Promise.all([
    groupBy('status'),
    groupBy('policyId'),
    groupBy('idpId'),
    groupBy('user.id', { status: 'ENROLLED' }),
    models.inventory.countDocuments({ locked: true }),
    usersPerPolicy,
  ]);
  const usersOf = new Map(policyUsers.map((b) => [b._id ?? null, b.count]));
  const byStatus = Object.fromEntries(deviceStatusSchema.options.map((s) => [s, 0])) as Record<
    DeviceStatus,
    number
  >;
  for (const b of statuses)
    if (b._id && b._id in byStatus) byStatus[b._id as DeviceStatus] = b.count;
  const ranked = (buckets: Bucket[]) =>
    buckets
      .map((b) => ({ id: b._id ?? null, count: b.count }))
      .sort((a, b) => b.count - a.count || String(a.id).localeCompare(String(b.id)));
  return {
    total: statuses.reduce((sum, b) => sum + b.count, 0),
    byStatus,
    locked,
    enrolledUsers: enrolled.filter((b) => b._id !== null && b._id !== undefined).length,
    byPolicy: ranked(policies).map(({ id, count }) => ({
      policyId: id,
      count,
      users: usersOf.get(id) ?? 0,
    })),
    byIdp: ranked(idps).map(({ id, count }) => ({ idpId: id, count })),
  };
}
