import type { HttpApp } from '@keyward/service-kit';
import { z } from 'zod';
import type { Column } from '../domain/reports/csv.ts';
import {
  countDevicesBy,
  DEVICE_COLUMNS,
  DEVICE_GROUP_COLUMNS,
  DEVICE_GROUPINGS,
} from '../domain/reports/devicesReport.ts';
import { PIN_VIEW_COLUMNS, PIN_VIEW_REPORT_TYPES } from '../domain/reports/pinViewsReport.ts';
import {
  foldProvisioning,
  PROVISIONING_COLUMNS,
  PROVISIONING_REPORT_TYPES,
} from '../domain/reports/provisioningReport.ts';
import {
  foldSessions,
  SESSION_COLUMNS,
  SESSION_REPORT_TYPES,
} from '../domain/reports/sessionsReport.ts';
import { REPORT_NAMES } from '../domain/reports/types.ts';
import { streamInventory } from '../store/inventoryStore.ts';
import type { ReportingModels } from '../store/models.ts';
import { streamReportRecords } from '../store/streamReportRecords.ts';
import { errorResponseSchema, formatSchema } from './schemas.ts';
import { streamDownload } from './streamDownload.ts';

/** Publishes the audited `keyward.report.downloaded` event (design.md: every privileged act). */
export type RecordDownload = (input: {
  actor: string;
  report: string;
  format: 'csv' | 'json';
  rows: number;
  filter: Record<string, unknown>;
}) => Promise<void>;

const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

const reportQuery = z.object({
  format: formatSchema,
  from: isoDate.optional(),
  to: isoDate.optional(),
  by: z.enum(DEVICE_GROUPINGS).default('status'),
});

/** Downloadable reports, CSV or JSON, streamed (report:read). */
export function registerReportRoutes(
  http: HttpApp,
  models: ReportingModels,
  recordDownload: RecordDownload,
): void {
  http.route(
    {
      method: 'get',
      path: '/reports/:name',
      summary: `Download a report: ${REPORT_NAMES.join(', ')} (devices-by takes by=status|policy|idp|aaguid)`,
      tags: ['reports'],
      permission: 'report:read',
      params: z.object({ name: z.enum(REPORT_NAMES) }),
      query: reportQuery,
      responses: { 200: z.string(), 400: errorResponseSchema },
    },
    async ({ params, query }, { res, actor }) => {
      const { format, from, to, by } = query;
      const range = { from, to };
      // Each report is a column set and a row source; folds hold one row per session/request.
      const download = async <Row>(
        columns: readonly Column<Row>[],
        rows: AsyncIterable<Row> | Iterable<Row>,
      ) => streamDownload({ res, format, name: params.name, columns, rows });
      let rows: number;
      switch (params.name) {
        case 'devices':
          rows = await download(DEVICE_COLUMNS, streamInventory(models));
          break;
        case 'devices-by':
          rows = await download(
            DEVICE_GROUP_COLUMNS,
            await countDevicesBy(streamInventory(models), by),
          );
          break;
        case 'sessions':
          rows = await download(
            SESSION_COLUMNS,
            await foldSessions(
              streamReportRecords({ models, types: SESSION_REPORT_TYPES, ...range }),
            ),
          );
          break;
        case 'provisioning':
          rows = await download(
            PROVISIONING_COLUMNS,
            await foldProvisioning(
              streamReportRecords({ models, types: PROVISIONING_REPORT_TYPES, ...range }),
            ),
          );
          break;
        case 'pin-views':
          rows = await download(
            PIN_VIEW_COLUMNS,
            streamReportRecords({ models, types: PIN_VIEW_REPORT_TYPES, ...range }),
          );
          break;
      }
      const filter: Record<string, unknown> = {
        ...(from ? { from: from.toISOString() } : {}),
        ...(to ? { to: to.toISOString() } : {}),
      };
      if (params.name === 'devices-by') filter.by = by;
      await recordDownload({ actor, report: params.name, format, rows, filter });
      return undefined;
    },
  );
}
