import { useQuery } from '@tanstack/react-query';
import { useHasPermission } from '../access/useWhoami.ts';
import { useApi } from '../api/ApiContext.tsx';
import { unwrap } from '../api/errors.ts';

/**
 * Policy and IdP names by id, for showing names instead of ids (policy GET /policies, identity
 * GET /directory/idps, which needs device:enroll). Empty maps while they load or when refused: the page
 * then shows the ids, as before.
 */
export function useInventoryNames() {
  const api = useApi();
  const allowed = useHasPermission('device:read') === true;
  const directory = useHasPermission('device:enroll') === true;
  const policies = useQuery({
    queryKey: ['inventory', 'names', 'policies'],
    enabled: allowed,
    retry: false,
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      const body = unwrap(await api.policy.GET('/policies', { signal }));
      return new Map(body.policies.map((p) => [p.id, p.name]));
    },
  });
  const idps = useQuery({
    queryKey: ['inventory', 'names', 'idps'],
    enabled: directory,
    retry: false,
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      const body = unwrap(await api.identity.GET('/directory/idps', { signal }));
      return new Map(body.map((i) => [i.id, i.name]));
    },
  });
  return {
    policyName: (id: string) => policies.data?.get(id) ?? id,
    idpName: (id: string) => idps.data?.get(id) ?? id,
  };
}
