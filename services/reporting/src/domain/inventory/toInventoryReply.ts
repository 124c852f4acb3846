import type { InventoryDevice } from '@keyward/contracts';
import type { InventoryRecord } from './types.ts';

/**
 * A stored record in the contract's `inventoryDeviceSchema` shape (absent instead of null).
 * Returns null for a key whose AAGUID no event has named yet: the contract requires one, and
 * such a record cannot be told apart from an unknown key anyway.
 */
export function toInventoryReply(record: InventoryRecord): InventoryDevice | null {
  if (!record.aaguid) return null;
  const device: InventoryDevice = {
    serial: record.serial,
    aaguid: record.aaguid,
    status: record.status,
  };
  // A READY key's policy is the one it is linked to (what the gateway applies); otherwise the
  // one it is configured with.
  const ready = record.status === 'READY';
  const policyId = ready ? record.linkedPolicyId : record.policyId;
  const policyVersion = ready ? record.linkedPolicyVersion : record.policyVersion;
  if (policyId !== null) device.policyId = policyId;
  if (policyVersion !== null) device.policyVersion = policyVersion;
  if (record.user !== null) device.user = record.user;
  if (record.idpId !== null) device.idpId = record.idpId;
  if (record.credentialId !== null) device.credentialId = record.credentialId;
  if (record.lastSeen !== null) device.lastSeen = record.lastSeen;
  device.locked = record.locked;
  return device;
}
