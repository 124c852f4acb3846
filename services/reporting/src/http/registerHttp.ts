import { describeRoutes, type HttpApp } from '@keyward/service-kit';
import type { ReportingModels } from '../store/models.ts';
import { registerAuditRoutes } from './auditRoutes.ts';
import { registerInventoryRoutes } from './inventoryRoutes.ts';
import { type RecordDownload, registerReportRoutes } from './reportRoutes.ts';

export const REPORTING_VERSION = '0.1.0';

/** Every REST route of the reporting service. */
export function registerHttp(
  http: HttpApp,
  models: ReportingModels,
  recordDownload: RecordDownload,
): void {
  registerAuditRoutes(http, models);
  registerInventoryRoutes(http, models, recordDownload);
  registerReportRoutes(http, models, recordDownload);
}

/** The service's OpenAPI document without starting it (the console's clients come from it). */
export function openapiDocument(): Record<string, unknown> {
  return describeRoutes({
    service: 'reporting',
    version: REPORTING_VERSION,
    register: (http) => registerHttp(http, {} as ReportingModels, async () => {}),
  });
}
