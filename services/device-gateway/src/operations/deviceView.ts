import { type InventoryDevice, reportingRequests } from '@keyward/contracts';
import type { RegisteredDevice } from '../devices/deviceRegistry.ts';
import { deviceActions } from '../domain/deviceActions.ts';
import { keyKind } from '../domain/deviceFacts.ts';
import { deriveStatus, type InventoryLookup, statusLabel } from '../domain/deviceStatus.ts';
import type { GatewayCore } from './gatewayCore.ts';

/** Who is looking: the actions and names of a view are the caller's. */
export interface ViewCaller {
  actor: string;
  permissions: ReadonlySet<string>;
}

export interface DeviceViewOptions {
  /** Adds the detail columns of the console (names looked up over the bus). */
  expand: boolean;
  caller: ViewCaller;
}

type ViewCore = Pick<GatewayCore, 'leases' | 'sessions' | 'names'>;

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

/** GET /devices (and the live list's snapshot): every attached key, one inventory request. */
export async function deviceList(
  core: ViewCore & Pick<GatewayCore, 'gatewayId' | 'registry' | 'requester'>,
  options: DeviceViewOptions,
) {
  const devices = core.registry.list();
  const inventory = await lookupInventory(
    core,
    devices.map((d) => d.facts.serial),
    options.caller.actor,
  );
  const views = await Promise.all(
    devices.map((d) => deviceView(core, d, inventory(d.facts.serial), options)),
  );
  return { gatewayId: core.gatewayId, devices: views };
}

/**
 * The device as GET /devices shows it, with the operations this caller may start now
 * (`actions`, domain/deviceActions.ts — the routes enforce the same table); `expand` adds the
 * detail columns of the console.
 */
export async function deviceView(
  core: ViewCore,
  device: RegisteredDevice,
  inventory: InventoryLookup,
  options: DeviceViewOptions,
) {
  const { expand, caller } = options;
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
    actions: deviceActions({
      serial: facts.serial,
      status: derived.status,
      flags: derived.flags,
      keyKind: keyKind(facts),
      pinSet: facts.pinSet,
      permissions: caller.permissions,
    }),
    ...(holder
      ? { heldBy: { actor: holder.actor, operation: holder.operation, since: holder.since } }
      : {}),
  };
  if (!expand) return base;
  const [policyName, idpName] = await Promise.all([
    record?.policyId
      ? core.names.policyName(record.policyId, record.policyVersion, caller.actor)
      : null,
    record?.idpId ? core.names.idpName(record.idpId, caller.actor) : null,
  ]);
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
    idp: record?.idpId ? { id: record.idpId, name: idpName } : null,
    policy: record?.policyId
      ? { id: record.policyId, version: record.policyVersion ?? null, name: policyName }
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
