import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext.tsx';
import { unwrap } from '../api/errors.ts';
import type { paths as ReportingPaths } from '../api/generated/reporting.ts';
import { AUDIT_PAGE_SIZE, type AuditFilters } from './routes.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** Named views of the reporting service's generated types (aliases only). */
export type AuditPage = Json<ReportingPaths['/audit']['get']['responses'][200]>;
export type AuditRecord = AuditPage['items'][number];
export type ChainReport = Json<ReportingPaths['/audit/verify']['get']['responses'][200]>;
export type ChainVerdict = ChainReport['partitions'][number];

/** How often the first page asks again, so new records appear at its top without a reload. */
export const AUDIT_REFRESH_MS = 5_000;

/**
 * One page of the audit trail, newest first; the previous page stays shown while the next
 * loads. The first page follows the trail (refetched every AUDIT_REFRESH_MS); later pages hold.
 */
export function useAuditPage(filters: AuditFilters, cursor: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['reporting', 'audit', filters, cursor ?? null],
    placeholderData: keepPreviousData,
    retry: false,
    refetchInterval: cursor === undefined ? AUDIT_REFRESH_MS : false,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.reporting.GET('/audit', {
          params: { query: { ...filters, limit: AUDIT_PAGE_SIZE, cursor } },
          signal,
        }),
      ),
  });
}

/** "Verify now": walks every partition's chain on the reporting service (a read, nothing changes). */
export function useVerifyChain() {
  const api = useApi();
  return useMutation({
    mutationFn: async (): Promise<ChainReport> => unwrap(await api.reporting.GET('/audit/verify')),
  });
}
