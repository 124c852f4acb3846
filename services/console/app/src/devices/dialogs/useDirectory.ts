import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext.tsx';
import { unwrap } from '../../api/errors.ts';

/** IdP connections an operator may enroll at (no secrets), the default first. */
export function useDirectoryIdps() {
  const api = useApi();
  return useQuery({
    queryKey: ['identity', 'directory', 'idps'],
    queryFn: async ({ signal }) => {
      const idps = unwrap(await api.identity.GET('/directory/idps', { signal }));
      return [...idps].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
    },
  });
}

/** Users at one IdP matching `q` (providers with exact-id lookup need the whole id). */
export function useUserSearch(idpId: string, q: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['identity', 'directory', 'users', idpId, q],
    enabled: idpId !== '' && q.trim().length > 0,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.identity.GET('/directory/idps/{id}/users', {
          params: { path: { id: idpId }, query: { q: q.trim(), limit: 20 } },
          signal,
        }),
      ),
  });
}
