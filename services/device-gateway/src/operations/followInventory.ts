import {
  expectationAfter,
  type InventoryExpectation,
  inventoryReflects,
} from '../domain/inventoryCatchUp.ts';
import { lookupInventory } from './deviceView.ts';
import type { GatewayCore } from './gatewayCore.ts';

/** Back-off between inventory reads: about 6 s in all, then the view is refreshed anyway. */
const DELAYS_MS = [100, 200, 400, 800, 1_600, 3_200] as const;

/**
 * The device view mixes what the key reports with the reporting inventory, an asynchronous
 * projection of events: right after an operation it may still show the old policy or status.
 * This reads the inventory with back-off until it reflects the operation, then announces the
 * key as `changed` (GET /devices/events), so a live list fetches the view that is true now.
 */
export async function followInventory(
  core: Pick<GatewayCore, 'registry' | 'requester' | 'logger'>,
  options: { deviceId: string; serial: string; expected: InventoryExpectation; actor: string },
): Promise<void> {
  const { deviceId, serial, expected, actor } = options;
  for (const delay of DELAYS_MS) {
    await new Promise((resolve) => setTimeout(resolve, delay).unref());
    const lookup = (await lookupInventory(core, [serial], actor))(serial);
    if (lookup.kind === 'unavailable') continue;
    if (inventoryReflects(expected, lookup.kind === 'found' ? lookup.record : undefined)) break;
  }
  const device = core.registry.list().find((d) => d.key.id === deviceId);
  if (device) core.registry.emit('changed', device);
}

/** Follows the inventory after every succeeded key run that changes it; returns the unsubscribe. */
export function followInventoryAfterRuns(
  core: Pick<GatewayCore, 'registry' | 'requester' | 'logger' | 'sessions'>,
): () => void {
  return core.sessions.subscribeAll((message) => {
    if (message.type !== 'key' || message.run.state !== 'succeeded') return;
    const session = core.sessions.get(message.sessionId);
    if (!session) return;
    const expected = expectationAfter(session.kind, message.run);
    if (!expected) return;
    const { deviceId, serial } = message.run;
    followInventory(core, { deviceId, serial, expected, actor: session.actor }).catch(
      (error: unknown) => core.logger.debug({ err: error, serial }, 'inventory follow-up failed'),
    );
  });
}
