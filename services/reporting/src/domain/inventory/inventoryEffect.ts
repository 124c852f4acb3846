import { deviceStatusSchema, type UserRef, userRef } from '@keyward/contracts';
import { gatewayOf, serialOf } from '../audit/auditRecordFromEvent.ts';
import type { ReportedEvent } from '../audit/types.ts';
import type { InventoryPatch } from './types.ts';

export interface InventoryEffect {
  serial: string;
  patch: InventoryPatch;
}

type Data = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Data => (v !== null && typeof v === 'object' ? (v as Data) : {});

function userOf(data: Data): UserRef | null {
  const parsed = userRef.safeParse(data.user);
  return parsed.success ? parsed.data : null;
}

const policyOf = (d: Data): InventoryPatch['policy'] => ({
  policyId: str(d.policyId),
  policyVersion: num(d.policyVersion),
});

const assigned =
  (status: 'ENROLLED') =>
  (d: Data): InventoryPatch => ({
    status: { status },
    assignment: { user: userOf(d), idpId: str(d.idpId) },
    credential: { enrollmentId: str(d.enrollmentId), credentialId: str(d.credentialId) },
  });

/**
 * What each event type does to a key, beyond `lastSeen` and `aaguid` which every event naming
 * the key updates. Types not listed (attached, tested, pin_viewed, ...) only touch those two.
 * Event types and data shapes: packages/contracts/src/domains/{device,identity}.ts.
 */
export const INVENTORY_EFFECTS: Readonly<Record<string, (data: Data) => InventoryPatch>> = {
  'keyward.device.configured': (d) => ({ status: { status: 'CONFIGURED' }, policy: policyOf(d) }),
  'keyward.device.enrolled': assigned('ENROLLED'),
  'keyward.enrollment.completed': assigned('ENROLLED'),
  'keyward.provisioning.user_provisioned': (d) => ({
    status: { status: 'ENROLLED' },
    assignment: { user: userOf(d), idpId: null },
    credential: { enrollmentId: null, credentialId: str(d.credentialId) },
  }),
  'keyward.credential.revoked': () => ({
    status: { status: 'REVOKED' },
    credential: { enrollmentId: null, credentialId: null },
  }),
  'keyward.device.reset': () => ({
    status: { status: 'NOT_CONFIGURED' },
    lock: { locked: false },
    policy: { policyId: null, policyVersion: null },
    assignment: { user: null, idpId: null },
    credential: { enrollmentId: null, credentialId: null },
  }),
  'keyward.device.unlocked': () => ({ lock: { locked: false } }),
  'keyward.device.stocked': () => ({ status: { status: 'IN_STOCK' } }),
  'keyward.policy.device_linked': (d) => ({
    link: { linkedPolicyId: str(d.policyId), linkedPolicyVersion: num(d.policyVersion) },
  }),
  'keyward.policy.device_unlinked': () => ({
    link: { linkedPolicyId: null, linkedPolicyVersion: null },
  }),
};

/**
 * The inventory change an event causes, or null when it names no key. Besides the table: a
 * failure with code DEVICE_LOCKED marks the key locked, and a `status` in the data (the
 * gateway's own derivation) is taken when the type sets none.
 */
export function inventoryEffect(event: ReportedEvent): InventoryEffect | null {
  const data = obj(event.data);
  const serial = serialOf(event, data);
  if (!serial) return null;
  const patch: InventoryPatch = { ...(INVENTORY_EFFECTS[event.type]?.(data) ?? {}) };
  const aaguid = str(data.aaguid);
  if (aaguid) patch.aaguid = { aaguid };
  const status = deviceStatusSchema.safeParse(data.status);
  if (!patch.status && status.success) patch.status = { status: status.data };
  if (obj(data.error).code === 'DEVICE_LOCKED') patch.lock = { locked: true };
  const gatewayId = gatewayOf(event, data);
  if (gatewayId) patch.lastSeen = { lastSeen: { gatewayId, at: event.time } };
  return { serial, patch };
}
