import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext.tsx';
import { unwrap } from '../api/errors.ts';
import type { PolicyInput } from './formModel.ts';

/** Query keys of the Policies feature (every change invalidates `all`). */
export const policyKeys = {
  all: ['policies'] as const,
  list: ['policies', 'list'] as const,
  one: (id: string) => ['policies', 'one', id] as const,
  links: (id: string) => ['policies', 'links', id] as const,
  usage: ['policies', 'usage'] as const,
};

export function usePolicyList() {
  const api = useApi();
  return useQuery({
    queryKey: policyKeys.list,
    queryFn: async ({ signal }) => unwrap(await api.policy.GET('/policies', { signal })).policies,
  });
}

export const USAGE_REFRESH_MS = 10_000;

/** Keys and users per policy, from the reporting service's inventory summary (report:read). */
export function usePolicyUsage(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: policyKeys.usage,
    enabled,
    retry: false,
    // Counts move as gateways configure keys; like the dashboard, refresh them on their own.
    refetchInterval: USAGE_REFRESH_MS,
    queryFn: async ({ signal }) => {
      const summary = unwrap(await api.reporting.GET('/inventory/summary', { signal }));
      return new Map(summary.byPolicy.map((row) => [row.policyId, row]));
    },
  });
}

export function usePolicy(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: policyKeys.one(id),
    retry: false,
    // A policy on screen is the version an edit starts from: never swap it under the form.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    queryFn: async ({ signal }) =>
      unwrap(await api.policy.GET('/policies/{id}', { signal, params: { path: { id } } })),
  });
}

export function usePolicyLinks(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: policyKeys.links(id),
    queryFn: async ({ signal }) =>
      unwrap(await api.policy.GET('/policies/{id}/devices', { signal, params: { path: { id } } }))
        .devices,
  });
}

export function useCreatePolicy() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: PolicyInput) => unwrap(await api.policy.POST('/policies', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: policyKeys.all }),
  });
}

export function useUpdatePolicy(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: PolicyInput & { expectedVersion: number }) =>
      unwrap(await api.policy.PUT('/policies/{id}', { params: { path: { id } }, body })),
    onSuccess: (policy) => {
      client.setQueryData(policyKeys.one(id), policy);
      return client.invalidateQueries({ queryKey: policyKeys.list });
    },
  });
}

export function useDeletePolicy(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (expectedVersion: number) =>
      unwrap(
        await api.policy.DELETE('/policies/{id}', {
          params: { path: { id }, query: { expectedVersion } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: policyKeys.list }),
  });
}

export function useLinkKeys(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (serials: string[]) =>
      unwrap(
        await api.policy.POST('/policies/{id}/devices', {
          params: { path: { id } },
          body: { serials },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: policyKeys.links(id) }),
  });
}
