import type { DeviceStatus, InventoryDevice } from '@keyward/contracts';
import { type DeviceFacts, isPinBlocked } from './deviceFacts.ts';

/** The inventory's answer for one serial: a record, no record, or no answer at all. */
export type InventoryLookup =
  | { kind: 'found'; record: InventoryDevice }
  | { kind: 'absent' }
  | { kind: 'unavailable'; reason: string };

/** Fields of the device view that only the inventory can tell. */
export const INVENTORY_FIELDS = ['status', 'user', 'idpId', 'policy'] as const;
export type InventoryField = (typeof INVENTORY_FIELDS)[number];

export interface DerivedStatus {
  status: DeviceStatus;
  flags: { locked: boolean; busy: boolean; interrupted: boolean };
  /** Inventory fields that could not be determined (inventory unreachable). */
  unknown: InventoryField[];
}

export interface DeriveStatusOptions {
  facts: Pick<DeviceFacts, 'pinSet' | 'info'>;
  inventory: InventoryLookup;
  /** Someone holds the device lease. */
  busy?: boolean;
  /** The journal records an operation on this key that stopped mid-way. */
  interrupted?: boolean;
}

/** Statuses that only the inventory can know and that survive as long as the PIN is set. */
const INVENTORY_ONLY: readonly DeviceStatus[] = ['IN_STOCK', 'ENROLLED', 'REVOKED'];

/**
 * Device status (design.md "Device lifecycle"): the key's own getInfo decides whether it is
 * configured at all (a key without a PIN was never configured or was reset, whatever the
 * inventory remembers); the inventory refines a configured key (IN STOCK, ENROLLED, REVOKED) and
 * says whether a policy is linked (READY). Without an inventory answer the key alone decides and
 * the inventory fields are reported unknown, so the list still works.
 */
export function deriveStatus(options: DeriveStatusOptions): DerivedStatus {
  const { facts, inventory, busy = false, interrupted = false } = options;
  const record = inventory.kind === 'found' ? inventory.record : undefined;
  const unknown: InventoryField[] = inventory.kind === 'unavailable' ? [...INVENTORY_FIELDS] : [];
  // The key's retry counter is authoritative when it reports one; else trust the inventory.
  const locked =
    facts.info.pinRetries !== undefined ? isPinBlocked(facts) : (record?.locked ?? false);
  return { status: statusOf(facts.pinSet, record), flags: { locked, busy, interrupted }, unknown };
}

function statusOf(pinSet: boolean, record: InventoryDevice | undefined): DeviceStatus {
  const linked = record?.policyId !== undefined;
  if (!pinSet) return linked && record?.status === 'READY' ? 'READY' : 'NOT_CONFIGURED';
  if (record === undefined) return 'CONFIGURED';
  if (INVENTORY_ONLY.includes(record.status)) return record.status;
  if (record.status === 'READY') return 'READY';
  return 'CONFIGURED';
}

/** The label the console shows ("NOT CONFIGURED", "IN STOCK"). */
export function statusLabel(status: DeviceStatus): string {
  return status.replace('_', ' ');
}
