import type { InventoryStatus } from '../api/types.ts';

/** The inventory's tabs: each shows the keys of its statuses (every status is in one tab). */
export const INVENTORY_TABS = {
  assigned: ['NOT_CONFIGURED', 'READY', 'CONFIGURED', 'ENROLLED', 'REVOKED'],
  stock: ['IN_STOCK'],
} as const satisfies Record<string, readonly InventoryStatus[]>;

export type InventoryTab = keyof typeof INVENTORY_TABS;

/** What the inventory page shows, as kept in its URL query (so a link or reload keeps it). */
export interface InventoryFilter {
  tab: InventoryTab;
  /** Serial prefix, or the user's id, e-mail or name prefix. */
  q?: string | undefined;
  /** One status of the tab's; none means all of them. */
  status?: InventoryStatus | undefined;
  /** The reporting service's cursor of the page shown (none: the first page). */
  cursor?: string | undefined;
  /**
   * The cursors of the pages before this one, oldest first ('' for the first page): the service's
   * cursors only go forward, so Previous page takes the last one off.
   */
  back?: string[] | undefined;
}

const isTab = (v: string | null): v is InventoryTab => v === 'assigned' || v === 'stock';

/** The filter in a URL query; unknown or out-of-tab values are dropped, not trusted. */
export function parseInventoryFilter(search: URLSearchParams): InventoryFilter {
  const tabParam = search.get('tab');
  const tab = isTab(tabParam) ? tabParam : 'assigned';
  const status = search.get('status');
  const allowed = INVENTORY_TABS[tab] as readonly string[];
  return {
    tab,
    q: search.get('q')?.trim() || undefined,
    status: status && allowed.includes(status) ? (status as InventoryStatus) : undefined,
    cursor: search.get('cursor') || undefined,
    back: search.has('back') ? search.getAll('back') : undefined,
  };
}

/** The URL query of a filter (defaults left out). */
export function inventorySearch(filter: InventoryFilter): string {
  const search = new URLSearchParams();
  if (filter.tab !== 'assigned') search.set('tab', filter.tab);
  if (filter.q) search.set('q', filter.q);
  if (filter.status) search.set('status', filter.status);
  if (filter.cursor) search.set('cursor', filter.cursor);
  if (filter.cursor) for (const c of filter.back ?? []) search.append('back', c);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The filter of the page after this one (this page's cursor is remembered for Previous page). */
export const nextPage = (filter: InventoryFilter, cursor: string): InventoryFilter => ({
  ...filter,
  cursor,
  back: [...(filter.back ?? []), filter.cursor ?? ''],
});

/** The filter of the page before this one (the first page when none is remembered). */
export function previousPage(filter: InventoryFilter): InventoryFilter {
  const back = [...(filter.back ?? [])];
  const cursor = back.pop() || undefined;
  return { ...filter, cursor, back: cursor ? back : undefined };
}

/** Typed paths of the inventory feature (tests and links build URLs with these). */
export const toInventory = (filter?: InventoryFilter) =>
  `/inventory${filter ? inventorySearch(filter) : ''}`;
export const toInventoryKey = (serial: string) => `/inventory/${encodeURIComponent(serial)}`;
