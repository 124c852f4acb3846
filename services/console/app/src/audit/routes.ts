/** The filters of the Event log page, as they appear in its URL's query string. */
export interface AuditFilters {
  type?: string | undefined;
  actor?: string | undefined;
  serial?: string | undefined;
  /** ISO 8601 date-time, inclusive. */
  from?: string | undefined;
  /** ISO 8601 date-time, exclusive. */
  to?: string | undefined;
}

export const AUDIT_FILTER_KEYS = ['type', 'actor', 'serial', 'from', 'to'] as const;

/** Typed path of the Event log (tests and links build URLs with this). */
export function toAudit(filters: AuditFilters = {}, cursor?: string): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/audit?${query}` : '/audit';
}

/** The filters and page cursor a URL's query string carries (unknown keys ignored). */
export function auditLocation(params: URLSearchParams): {
  filters: AuditFilters;
  cursor: string | undefined;
} {
  const filters: AuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return { filters, cursor: params.get('cursor') ?? undefined };
}

/** The permission the Event log needs (AuthWall and the 403 state name it). */
export const AUDIT_READ = 'audit:read';

/** Records per page of the Event log. */
export const AUDIT_PAGE_SIZE = 25;
