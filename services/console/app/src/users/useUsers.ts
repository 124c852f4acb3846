import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext.tsx';
import { unwrap } from '../api/errors.ts';

/** Users shown per search (the IdP's own page size is larger; a narrower search is the answer). */
export const USER_SEARCH_LIMIT = 25;
/** Keys listed for one user: a person rarely holds more than a handful. */
export const USER_KEYS_LIMIT = 100;

/** IdP connections that can be searched (identity's directory view, no secrets). */
export function useDirectoryIdps(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['users', 'idps'],
    enabled,
    retry: false,
    queryFn: async ({ signal }) => unwrap(await api.identity.GET('/directory/idps', { signal })),
  });
}

/** Users matching `q` at one IdP. */
export function useUserSearch(idpId: string | undefined, q: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['users', 'search', idpId, q],
    enabled: Boolean(idpId && q),
    retry: false,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.identity.GET('/directory/idps/{id}/users', {
          signal,
          params: { path: { id: idpId ?? '' }, query: { q: q ?? '', limit: USER_SEARCH_LIMIT } },
        }),
      ),
  });
}

/** The keys the inventory holds for one user id. */
export function useUserKeys(userId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['inventory', 'user', userId],
    enabled: Boolean(userId),
    retry: false,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.reporting.GET('/inventory', {
          signal,
          params: { query: { userId: userId ?? '', limit: USER_KEYS_LIMIT } },
        }),
      ),
  });
}
