import { useQuery } from '@tanstack/react-query';
import { useHasPermission } from '../access/useWhoami.ts';
import { useApi } from '../api/ApiContext.tsx';
import { unwrap } from '../api/errors.ts';
import { RECENT_EVENTS_PERMISSION } from './routes.ts';

/** How many audit records the "Last events" card shows. */
export const RECENT_EVENTS = 5;

export const dashboardKey = ['dashboard'] as const;

/**
 * The dashboard refetches on its own while it is visible (TanStack Query pauses in background
 * tabs): the inventory is projected from the bus, so a count may change a moment after an action.
 */
export const DASHBOARD_REFRESH_MS = 10_000;

/** GET /inventory/summary: the counts (one aggregation per field on the reporting service). */
export function useInventorySummary() {
  const api = useApi();
  return useQuery({
    queryKey: [...dashboardKey, 'summary'],
    refetchInterval: DASHBOARD_REFRESH_MS,
    queryFn: async ({ signal }) =>
      unwrap(await api.reporting.GET('/inventory/summary', { signal })),
  });
}

/** The newest audit records; not asked for when the role lacks audit:read. */
export function useRecentEvents() {
  const api = useApi();
  const allowed = useHasPermission(RECENT_EVENTS_PERMISSION);
  const query = useQuery({
    queryKey: [...dashboardKey, 'events'],
    enabled: allowed === true,
    refetchInterval: DASHBOARD_REFRESH_MS,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.reporting.GET('/audit', { params: { query: { limit: RECENT_EVENTS } }, signal }),
      ),
  });
  return { allowed, query };
}

/** Policy id → name, for the per-policy breakdown (device:read; ids are shown if it fails). */
export function usePolicyNames() {
  const api = useApi();
  const allowed = useHasPermission('device:read');
  return useQuery({
    queryKey: [...dashboardKey, 'policies'],
    enabled: allowed === true,
    queryFn: async ({ signal }) => {
      const body = unwrap(await api.policy.GET('/policies', { signal }));
      return new Map(body.policies.map((p) => [p.id, p.name]));
    },
  });
}
