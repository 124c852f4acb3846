import type { Column } from './csv.ts';
import type { ReportRecord } from './types.ts';

/** Who saw which initial PIN of which key, and when: the gateway's view and the vault's read. */
export const PIN_VIEW_REPORT_TYPES = ['keyward.device.pin_viewed', 'keyward.pin.read'] as const;

const list = (v: unknown): string | null => (Array.isArray(v) ? v.join(' ') : null);

export const PIN_VIEW_COLUMNS: readonly Column<ReportRecord>[] = [
  { header: 'time', value: (r) => r.time },
  { header: 'eventType', value: (r) => r.type },
  { header: 'actor', value: (r) => r.actor },
  { header: 'serial', value: (r) => r.serial },
  { header: 'gatewayId', value: (r) => r.gatewayId },
  { header: 'granted', value: (r) => list(r.data.revealed) ?? list(r.data.granted) },
  { header: 'denied', value: (r) => list(r.data.denied) },
  { header: 'eventId', value: (r) => r.eventId },
];
