import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext.tsx';
import { unwrap } from '../api/errors.ts';
import { INVENTORY_TABS, type InventoryFilter } from './routes.ts';

/** Query keys of the inventory feature (a revoke invalidates them). */
export const inventoryKeys = {
  all: ['inventory'] as const,
  page: (filter: InventoryFilter) => ['inventory', 'page', filter] as const,
  key: (serial: string) => ['inventory', 'key', serial] as const,
  history: (serial: string) => ['inventory', 'history', serial] as const,
};

/** Keys per page of the inventory table. */
export const INVENTORY_PAGE_SIZE = 25;

/** One page of the reporting inventory for a filter; the previous page stays while the next loads. */
export function useInventoryPage(filter: InventoryFilter) {
  const api = useApi();
  return useQuery({
    queryKey: inventoryKeys.page(filter),
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.reporting.GET('/inventory', {
          signal,
          params: {
            query: {
              status: filter.status ?? [...INVENTORY_TABS[filter.tab]],
              limit: INVENTORY_PAGE_SIZE,
              ...(filter.q ? { q: filter.q } : {}),
              ...(filter.cursor ? { cursor: filter.cursor } : {}),
            },
          },
        }),
      ),
  });
}

/** One key of the inventory (404 when the inventory never saw it). */
export function useInventoryKey(serial: string) {
  const api = useApi();
  return useQuery({
    queryKey: inventoryKeys.key(serial),
    retry: false,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.reporting.GET('/inventory/{serial}', { signal, params: { path: { serial } } }),
      ),
  });
}

/** Most recent audit records about a serial (reporting's audit trail; permission audit:read). */
export const HISTORY_LIMIT = 200;

export function useKeyHistory(serial: string) {
  const api = useApi();
  return useQuery({
    queryKey: inventoryKeys.history(serial),
    retry: false,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.reporting.GET('/audit', {
          signal,
          params: { query: { serial, limit: HISTORY_LIMIT } },
        }),
      ),
  });
}
