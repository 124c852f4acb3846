import type { InventoryRecord } from '../inventory/types.ts';
import type { Column } from './csv.ts';

/** One line per key of the inventory. */
export const DEVICE_COLUMNS: readonly Column<InventoryRecord>[] = [
  { header: 'serial', value: (d) => d.serial },
  { header: 'aaguid', value: (d) => d.aaguid },
  { header: 'status', value: (d) => d.status },
  { header: 'locked', value: (d) => d.locked },
  { header: 'policyId', value: (d) => d.policyId },
  { header: 'policyVersion', value: (d) => d.policyVersion },
  { header: 'linkedPolicyId', value: (d) => d.linkedPolicyId },
  { header: 'userId', value: (d) => d.user?.id },
  { header: 'userEmail', value: (d) => d.user?.email },
  { header: 'idpId', value: (d) => d.idpId },
  { header: 'credentialId', value: (d) => d.credentialId },
  { header: 'lastSeenGateway', value: (d) => d.lastSeen?.gatewayId },
  { header: 'lastSeenAt', value: (d) => d.lastSeen?.at },
];

export const DEVICE_GROUPINGS = ['status', 'policy', 'idp', 'aaguid'] as const;
export type DeviceGrouping = (typeof DEVICE_GROUPINGS)[number];

export interface DeviceGroupRow {
  by: DeviceGrouping;
  key: string;
  count: number;
}

export const DEVICE_GROUP_COLUMNS: readonly Column<DeviceGroupRow>[] = [
  { header: 'by', value: (r) => r.by },
  { header: 'key', value: (r) => r.key },
  { header: 'count', value: (r) => r.count },
];

const groupKey: Record<DeviceGrouping, (d: InventoryRecord) => string> = {
  status: (d) => d.status,
  policy: (d) => (d.policyId ? `${d.policyId}@${d.policyVersion ?? '?'}` : '(none)'),
  // The IdP connection the key's passkey was enrolled at; unassigned keys have none.
  idp: (d) => d.idpId ?? '(none)',
  aaguid: (d) => d.aaguid ?? '(unknown)',
};

/** Counts keys per status, policy (id@version), IdP connection or AAGUID; one pass, memory per distinct key. */
export async function countDevicesBy(
  devices: AsyncIterable<InventoryRecord> | Iterable<InventoryRecord>,
  by: DeviceGrouping,
): Promise<DeviceGroupRow[]> {
  const counts = new Map<string, number>();
  for await (const d of devices) {
    const key = groupKey[by](d);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => ({ by, key, count }));
}
