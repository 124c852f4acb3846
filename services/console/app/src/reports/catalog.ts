import type { operations } from '../api/generated/reporting.ts';

type ReportOperation = operations['getReportsName']['parameters'];
/** The reports reporting's GET /reports/:name offers (its zod enum, through the OpenAPI types). */
export type ReportName = ReportOperation['path']['name'];
export type ReportQuery = NonNullable<ReportOperation['query']>;
export type ReportFormat = NonNullable<ReportQuery['format']>;
export type DeviceGrouping = NonNullable<ReportQuery['by']>;

/** A filter of the report's query other than the format. */
export type ReportFilter = Exclude<keyof ReportQuery, 'format'>;

export interface ReportDefinition {
  name: ReportName;
  /** The filters that change this report (the route accepts from/to on all, but the inventory
   * reports are a snapshot and ignore them, so their forms do not offer them). */
  filters: readonly ReportFilter[];
}

/** Keys every report name: a name the service adds fails the type check here until listed. */
const DEFINITIONS: { [N in ReportName]: Omit<ReportDefinition, 'name'> } = {
  devices: { filters: [] },
  'devices-by': { filters: ['by'] },
  sessions: { filters: ['from', 'to'] },
  provisioning: { filters: ['from', 'to'] },
  'pin-views': { filters: ['from', 'to'] },
};

export const REPORTS: readonly ReportDefinition[] = Object.entries(DEFINITIONS).map(
  ([name, d]) => ({ name: name as ReportName, ...d }),
);

/** The groupings devices-by accepts (its `by` enum). */
export const DEVICE_GROUPINGS = {
  status: true,
  policy: true,
  idp: true,
  aaguid: true,
} as const satisfies Record<DeviceGrouping, true>;
export const GROUPINGS = Object.keys(DEVICE_GROUPINGS) as DeviceGrouping[];

export const REPORTS_PERMISSION = 'report:read';
export const toReports = () => '/reports';
