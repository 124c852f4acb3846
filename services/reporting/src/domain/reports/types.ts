/** An audit record as reports read it: query keys plus the parsed (already redacted) data. */
export interface ReportRecord {
  eventId: string;
  type: string;
  time: Date;
  actor: string;
  serial: string | null;
  gatewayId: string | null;
  user: string | null;
  data: Record<string, unknown>;
}

export const REPORT_NAMES = [
  'devices',
  'devices-by',
  'sessions',
  'provisioning',
  'pin-views',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const int = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
export const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
