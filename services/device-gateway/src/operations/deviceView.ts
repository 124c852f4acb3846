import { type InventoryDevice, reportingRequests } from '@keyward/contracts';
import type { RegisteredDevice } from '../devices/deviceRegistry.ts';
import { keyKind } from '../domain/deviceFacts.ts';
import { deriveStatus, type InventoryLookup, statusLabel } from '../domain/deviceStatus.ts';
import type { GatewayCore } from './gatewayCore.ts';

/** Looks the serials up in the inventory; an unreachable inventory is an answer, not an error. */
export async function lookupInventory(
  core: Pick<GatewayCore, 'requester'>,
  serials: string[],
  actor: string,
): Promise<(serial: string) => InventoryLookup> {
  if (serials.length === 0) return () => ({ kind: 'absent' });
  const reply = await core.requester.request(
    reportingRequests.inventoryGet,
    { serials },
    { actor, timeoutMs: 2_000 },
  );
  if (!reply.ok) {
    const reason = `${reply.error.code}: ${reply.error.message}`;
    return () => ({ kind: 'unavailable', reason });
  }
  const bySerial = new Map<string, InventoryDevice>(reply.data.devices.map((d) => [d.serial, d]));
  return (serial) => {
    const record = bySerial.get(serial);
    return record ? { kind: 'found', record } : { kind: 'absent' };
  };
}

/** The device as GET /devices shows it; `expand` adds the detail columns of the console. */
export async function deviceView(
  core: Pick<GatewayCore, 'leases' | 'sessions'>,
  device: RegisteredDevice,
  inventory: InventoryLookup,
  expand: boolean,
) {
  const { facts } = device;
  const holder = await core.leases.holder(facts.serial).catch(() => undefined);
  const derived = deriveStatus({
    facts,
    inventory,
    busy: holder !== undefined,
    interrupted: core.sessions.isInterrupted(facts.serial),
  });
  const record = inventory.kind === 'found' ? inventory.record : undefined;
  const base = {
    id: device.key.id,
    name: facts.name,
    serial: facts.serial,
    status: derived.status,
    statusLabel: statusLabel(derived.status),
    flags: derived.flags,
    unknownFields: derived.unknown,
    ...(holder
      ? { heldBy: { actor: holder.actor, operation: holder.operation, since: holder.since } }
      : {}),
  };
  if (!expand) return base;
  return {
    ...base,
    aaguid: facts.aaguid,
    versions: facts.info.versions,
    deviceType: facts.deviceType,
    transport: facts.transport,
    keyKind: keyKind(facts),
    simulated: facts.simulated,
    user: record?.user ?? null,
    idpId: record?.idpId ?? null,
    policy: record?.policyId
      ? { id: record.policyId, version: record.policyVersion ?? null }
      : null,
    pinSet: facts.pinSet,
    pinRetries: facts.info.pinRetries ?? null,
    adminPinRetries: facts.adminPin?.retries ?? null,
    minPinLength: facts.info.minPinLength ?? null,
    enterpriseAttestation: facts.info.options.ep ?? null,
    alwaysUv: facts.info.options.alwaysUv ?? null,
    attachedAt: device.attachedAt,
  };
}
