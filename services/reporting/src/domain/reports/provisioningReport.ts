import type { Column } from './csv.ts';
import { int, obj, type ReportRecord, str } from './types.ts';

/** One provisioning request (contracts domains/identity.ts `keyward.provisioning.*`). */
export interface ProvisioningRow {
  requestId: string;
  policyId: string | null;
  idpId: string | null;
  mode: string | null;
  createdAt: Date | null;
  completedAt: Date | null;
  total: number;
  provisioned: number;
  failed: number;
  skipped: number;
  pending: number;
}

export const PROVISIONING_REPORT_TYPES = [
  'keyward.provisioning.created',
  'keyward.provisioning.user_provisioned',
  'keyward.provisioning.user_failed',
  'keyward.provisioning.user_skipped',
  'keyward.provisioning.completed',
] as const;

export const PROVISIONING_COLUMNS: readonly Column<ProvisioningRow>[] = [
  { header: 'requestId', value: (r) => r.requestId },
  { header: 'policyId', value: (r) => r.policyId },
  { header: 'idpId', value: (r) => r.idpId },
  { header: 'mode', value: (r) => r.mode },
  { header: 'createdAt', value: (r) => r.createdAt },
  { header: 'completedAt', value: (r) => r.completedAt },
  { header: 'total', value: (r) => r.total },
  { header: 'provisioned', value: (r) => r.provisioned },
  { header: 'failed', value: (r) => r.failed },
  { header: 'skipped', value: (r) => r.skipped },
  { header: 'pending', value: (r) => r.pending },
];

const USER_OUTCOME: Record<string, 'provisioned' | 'failed' | 'skipped'> = {
  'keyward.provisioning.user_provisioned': 'provisioned',
  'keyward.provisioning.user_failed': 'failed',
  'keyward.provisioning.user_skipped': 'skipped',
};

/**
 * Summarises each request: the latest outcome per user (a user failed then provisioned counts
 * once, as provisioned), pending = total − users with an outcome. Order of records is free.
 */
export async function foldProvisioning(
  records: AsyncIterable<ReportRecord> | Iterable<ReportRecord>,
): Promise<ProvisioningRow[]> {
  const rows = new Map<string, ProvisioningRow>();
  const users = new Map<string, Map<string, { time: number; eventId: string; outcome: string }>>();
  for await (const r of records) {
    const requestId = str(r.data.requestId);
    if (!requestId) continue;
    const row = rows.get(requestId) ?? emptyRow(requestId);
    rows.set(requestId, row);
    const outcome = USER_OUTCOME[r.type];
    if (r.type === 'keyward.provisioning.created') {
      row.policyId = str(r.data.policyId);
      row.idpId = str(r.data.idpId);
      row.mode = str(r.data.mode);
      row.total = int(r.data.total);
      row.createdAt = r.time;
    } else if (r.type === 'keyward.provisioning.completed') {
      row.completedAt = r.time;
      row.total = Math.max(row.total, int(r.data.total));
    } else if (outcome) {
      const userId = str(obj(r.data.user).id) ?? r.user;
      if (!userId) continue;
      const perUser = users.get(requestId) ?? new Map();
      users.set(requestId, perUser);
      const seen = perUser.get(userId);
      const t = r.time.getTime();
      if (!seen || seen.time < t || (seen.time === t && seen.eventId < r.eventId)) {
        perUser.set(userId, { time: t, eventId: r.eventId, outcome });
      }
    }
  }
  for (const row of rows.values()) {
    const outcomes = [...(users.get(row.requestId)?.values() ?? [])];
    row.provisioned = outcomes.filter((o) => o.outcome === 'provisioned').length;
    row.failed = outcomes.filter((o) => o.outcome === 'failed').length;
    row.skipped = outcomes.filter((o) => o.outcome === 'skipped').length;
    row.total = Math.max(row.total, outcomes.length);
    row.pending = row.total - outcomes.length;
  }
  return [...rows.values()].sort((a, b) => (a.requestId < b.requestId ? -1 : 1));
}

function emptyRow(requestId: string): ProvisioningRow {
  return {
    requestId,
    policyId: null,
    idpId: null,
    mode: null,
    createdAt: null,
    completedAt: null,
    total: 0,
    provisioned: 0,
    failed: 0,
    skipped: 0,
    pending: 0,
  };
}
