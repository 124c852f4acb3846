import type { paths } from '../api/generated/reporting.ts';

/** GET /inventory/summary's answer, as generated from the reporting service's OpenAPI. */
export type InventorySummary =
  paths['/inventory/summary']['get']['responses'][200]['content']['application/json'];

/** One record of GET /audit. */
export type AuditRecord =
  paths['/audit']['get']['responses'][200]['content']['application/json']['items'][number];
