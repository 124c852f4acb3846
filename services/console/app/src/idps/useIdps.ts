import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext.tsx';
import { unwrap } from '../api/errors.ts';
import type { operations } from '../api/generated/identity.ts';

type Json<O> = O extends { responses: { 200: { content: { 'application/json': infer T } } } }
  ? T
  : never;
export type IdpView = Json<operations['getIdps']>[number];
export type IdpType = IdpView['type'];
export type TestResult = Json<operations['postIdpsIdTest']>;
export type UserMapping = Json<operations['getUserMappings']>[number];
export type CreateIdpBody = NonNullable<
  operations['postIdps']['requestBody']
>['content']['application/json'];
export type UpdateIdpBody = NonNullable<
  operations['patchIdpsId']['requestBody']
>['content']['application/json'];

/** Query keys of the feature; every write invalidates `all`. */
export const idpKeys = {
  all: ['idps'] as const,
  list: ['idps', 'list'] as const,
  mappings: ['idps', 'mappings'] as const,
};

export function useIdpList() {
  const api = useApi();
  return useQuery({
    queryKey: idpKeys.list,
    retry: false,
    queryFn: async ({ signal }) => unwrap(await api.identity.GET('/idps', { signal })),
  });
}

export function useUserMappings() {
  const api = useApi();
  return useQuery({
    queryKey: idpKeys.mappings,
    retry: false,
    queryFn: async ({ signal }) => unwrap(await api.identity.GET('/user-mappings', { signal })),
  });
}

/** The identity service's write routes, each refreshing the list afterwards. */
export function useIdpWrites() {
  const api = useApi();
  const queries = useQueryClient();
  const after = { onSettled: () => queries.invalidateQueries({ queryKey: idpKeys.all }) };
  const path = (id: string) => ({ params: { path: { id } } });
  return {
    create: useMutation({
      ...after,
      mutationFn: async (body: CreateIdpBody) => unwrap(await api.identity.POST('/idps', { body })),
    }),
    update: useMutation({
      ...after,
      mutationFn: async ({ id, body }: { id: string; body: UpdateIdpBody }) =>
        unwrap(await api.identity.PATCH('/idps/{id}', { ...path(id), body })),
    }),
    remove: useMutation({
      ...after,
      mutationFn: async (id: string) => unwrap(await api.identity.DELETE('/idps/{id}', path(id))),
    }),
    makeDefault: useMutation({
      ...after,
      mutationFn: async (id: string) =>
        unwrap(await api.identity.PUT('/idps/{id}/default', path(id))),
    }),
    test: useMutation({
      mutationFn: async (id: string) =>
        unwrap(await api.identity.POST('/idps/{id}/test', path(id))),
    }),
    setMapping: useMutation({
      ...after,
      mutationFn: async ({ user, idpId }: UserMapping) =>
        unwrap(
          await api.identity.PUT('/user-mappings/{user}', {
            params: { path: { user } },
            body: { idpId },
          }),
        ),
    }),
    removeMapping: useMutation({
      ...after,
      mutationFn: async (user: string) =>
        unwrap(await api.identity.DELETE('/user-mappings/{user}', { params: { path: { user } } })),
    }),
  };
}
