import type { DeviceStatus, UserRef } from '@keyward/contracts';

export type { DeviceStatus, UserRef };

/**
 * The fields an event may set, grouped so each group is one last-writer-wins register: the
 * group changes only when the event is newer than the one that last changed it.
 */
export interface InventoryFields {
  aaguid: { aaguid: string };
  status: { status: DeviceStatus };
  policy: { policyId: string | null; policyVersion: number | null };
  /** The policy an administrator linked the key to (applied when the key is configured). */
  link: { linkedPolicyId: string | null; linkedPolicyVersion: number | null };
  assignment: { user: UserRef | null; idpId: string | null };
  credential: { enrollmentId: string | null; credentialId: string | null };
  lastSeen: { lastSeen: { gatewayId: string; at: string } };
  lock: { locked: boolean };
}

export type FieldGroup = keyof InventoryFields;

export type InventoryPatch = { [G in FieldGroup]?: InventoryFields[G] };

/** Order of events for one device: event time, then event id (ULIDs sort by creation). */
export interface EventVersion {
  time: string;
  eventId: string;
}

export interface HistoryEntry {
  eventId: string;
  type: string;
  time: string;
  actor: string;
}

/** One key in the central Device Inventory (the store's document, before contracts' reply shape). */
export interface InventoryRecord {
  serial: string;
  aaguid: string | null;
  /** What the console shows: `lifecycleStatus`, or READY when NOT_CONFIGURED with a linked policy. */
  status: DeviceStatus;
  /** The status the key's own events last set (the `status` field group). */
  lifecycleStatus: DeviceStatus;
  /** The policy the key is configured with. */
  policyId: string | null;
  policyVersion: number | null;
  linkedPolicyId: string | null;
  linkedPolicyVersion: number | null;
  user: UserRef | null;
  idpId: string | null;
  enrollmentId: string | null;
  credentialId: string | null;
  lastSeen: { gatewayId: string; at: string } | null;
  locked: boolean;
  /** The newest HISTORY_LIMIT events about this key, oldest first. */
  history: HistoryEntry[];
  /** Per field group, the event that last set it. */
  versions: Partial<Record<FieldGroup, EventVersion>>;
}

/** How many events a device document remembers; the audit store has the rest. */
export const HISTORY_LIMIT = 50;
