import { KeywardError } from '@keyward/contracts';
import type { RegisteredDevice } from '../devices/deviceRegistry.ts';
import { type DeviceAction, requireAction } from '../domain/deviceActions.ts';
import { keyKind } from '../domain/deviceFacts.ts';
import { deriveStatus, type InventoryLookup } from '../domain/deviceStatus.ts';
import { lookupInventory, type ViewCaller } from './deviceView.ts';
import type { GatewayCore } from './gatewayCore.ts';

export interface RequireDeviceActionOptions {
  deviceId: string;
  action: DeviceAction;
  caller: ViewCaller;
  /**
   * The action depends on a status only the inventory knows (READY, IN STOCK, ENROLLED): an
   * unreachable inventory is then UPSTREAM_UNAVAILABLE rather than a guess. Default false.
   */
  needsInventory?: boolean;
}

/**
 * The key, once the action table (domain/deviceActions.ts) lets `action` start on it: the same
 * table that gives the device view its `actions`, so a button the console hides is also refused
 * here. A busy key is left to the lease, whose DEVICE_BUSY names the holder and since when.
 */
export async function requireDeviceAction(
  core: Pick<GatewayCore, 'registry' | 'requester'>,
  options: RequireDeviceActionOptions,
): Promise<{ device: RegisteredDevice; lookup: InventoryLookup }> {
  const { deviceId, action, caller, needsInventory = false } = options;
  const device = core.registry.get(deviceId);
  const { serial } = device.facts;
  const lookup = (await lookupInventory(core, [serial], caller.actor))(serial);
  if (needsInventory && lookup.kind === 'unavailable')
    throw new KeywardError(
      'UPSTREAM_UNAVAILABLE',
      `the inventory is unreachable, so whether ${action} may start on ${serial} is unknown`,
      { details: { serial, action, reason: lookup.reason } },
    );
  const { status, flags } = deriveStatus({ facts: device.facts, inventory: lookup });
  requireAction(action, {
    serial,
    status,
    flags,
    keyKind: keyKind(device.facts),
    pinSet: device.facts.pinSet,
    permissions: caller.permissions,
  });
  return { device, lookup };
}
