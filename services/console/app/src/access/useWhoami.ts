import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext.tsx';
import { ApiError } from '../api/errors.ts';

export interface Whoami {
  sub: string;
  name: string;
  roles: string[];
  permissions: string[];
}

/** Who the console's service says the token belongs to, with the permissions it grants. */
export function useWhoami() {
  const api = useApi();
  return useQuery({
    queryKey: ['whoami'],
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const response = await api.authorizedFetch('/api/whoami', { signal });
      const body = (await response.json()) as Whoami & {
        error?: { code: string; message: string };
      };
      if (!response.ok) {
        throw new ApiError({
          status: response.status,
          code: body.error?.code ?? `HTTP_${response.status}`,
          message: body.error?.message ?? 'who-am-I failed',
        });
      }
      return { ...body, roles: body.roles ?? [] };
    },
  });
}

/** `true` / `false` once known, `undefined` while loading (hide actions until then). */
export function useHasPermission(permission: string): boolean | undefined {
  const whoami = useWhoami();
  if (!whoami.data) return undefined;
  return whoami.data.permissions.includes(permission);
}
