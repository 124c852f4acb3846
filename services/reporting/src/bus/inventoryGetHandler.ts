import type { InventoryDevice } from '@keyward/contracts';
import { toInventoryReply } from '../domain/inventory/toInventoryReply.ts';
import { getInventory } from '../store/inventoryStore.ts';
import type { ReportingModels } from '../store/models.ts';

/**
 * `keyward.reporting.inventory.get`: the records of the given serials, for the gateway's status
 * derivation. Unknown serials are left out (contract: reportingRequests.inventoryGet).
 */
export function createInventoryGetHandler(models: ReportingModels) {
  return async ({ serials }: { serials: string[] }): Promise<{ devices: InventoryDevice[] }> => {
    const records = await getInventory(models, serials);
    const devices = records.map(toInventoryReply).filter((d): d is InventoryDevice => d !== null);
    return { devices };
  };
}
