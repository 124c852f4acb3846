import { KeywardError } from '@keyward/contracts';
import type { HttpApp } from '@keyward/service-kit';
import { z } from 'zod';
import { DEVICE_COLUMNS } from '../domain/reports/devicesReport.ts';
import { searchInventory, streamInventory, toRecord } from '../store/inventoryStore.ts';
import type { InventoryDoc, ReportingModels } from '../store/models.ts';
import { summarizeInventory } from '../store/summarizeInventory.ts';
import type { RecordDownload } from './reportRoutes.ts';
import {
  errorResponseSchema,
  formatSchema,
  inventoryQuerySchema,
  inventoryRecordSchema,
  inventorySummarySchema,
} from './schemas.ts';
import { streamDownload } from './streamDownload.ts';

/** The Device Inventory: search and filter (device:read), export and summary (report:read). */
export function registerInventoryRoutes(
  http: HttpApp,
  models: ReportingModels,
  recordDownload: RecordDownload,
): void {
  http.route(
    {
      method: 'get',
      path: '/inventory',
      summary:
        'Search the device inventory; filter by status, policy, user, AAGUID or serial prefix',
      tags: ['inventory'],
      permission: 'device:read',
      query: inventoryQuerySchema,
      responses: {
        200: z.object({ items: z.array(inventoryRecordSchema), nextCursor: z.string().nullable() }),
        400: errorResponseSchema,
      },
    },
    async ({ query }) => {
      const { limit, cursor, ...filter } = query;
      return searchInventory({ models, filter, limit, after: cursor });
    },
  );

  http.route(
    {
      method: 'get',
      path: '/inventory/export',
      summary: 'Export the (filtered) inventory as CSV or JSON, streamed',
      tags: ['inventory'],
      permission: 'report:read',
      query: inventoryQuerySchema
        .omit({ limit: true, cursor: true })
        .extend({ format: formatSchema }),
      responses: { 200: z.string() },
    },
    async ({ query }, { res, actor }) => {
      const { format, ...filter } = query;
      const rows = await streamDownload({
        res,
        format,
        name: 'inventory',
        columns: DEVICE_COLUMNS,
        rows: streamInventory(models, filter),
      });
      await recordDownload({ actor, report: 'inventory', format, rows, filter });
      return undefined;
    },
  );

  http.route(
    {
      method: 'get',
      path: '/inventory/summary',
      summary:
        'Counts of the inventory: total, per status, locked, enrolled users, per policy and IdP',
      tags: ['inventory'],
      permission: 'report:read',
      responses: { 200: inventorySummarySchema },
    },
    async () => summarizeInventory(models),
  );

  http.route(
    {
      method: 'get',
      path: '/inventory/:serial',
      summary: 'One key of the inventory with its recent history',
      tags: ['inventory'],
      permission: 'device:read',
      params: z.object({ serial: z.string().min(1).max(128) }),
      responses: { 200: inventoryRecordSchema, 404: errorResponseSchema },
    },
    async ({ params }) => {
      const doc = await models.inventory.findById(params.serial).lean<InventoryDoc>();
      if (!doc)
        throw new KeywardError('NOT_FOUND', `no inventory record for serial ${params.serial}`);
      return toRecord(doc);
    },
  );
}
