import { idpTypeSchema, KeywardError, userRef } from '@keyward/contracts';
import type { HttpApp } from '@keyward/service-kit';
import { z } from 'zod';
import type { IdpType } from '../domain/connection/connectionConfig.ts';
import type { IdentityDeps } from '../usecases/deps.ts';
import { idParams } from './schemas.ts';

/**
 * How each provider type finds users: by a fragment of login, e-mail or name (`search`), or
 * only by the exact user id (`exact-id`, as SafeNet Trusted Access does) — the console's
 * search box says which.
 */
const USER_SEARCH = {
  entra: 'search',
  okta: 'search',
  pingone: 'search',
  generic: 'search',
} as const satisfies Record<IdpType, 'search' | 'exact-id'>;

const directoryIdpSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: idpTypeSchema,
  isDefault: z.boolean(),
  userSearch: z.enum(['search', 'exact-id']),
});

const resolvedUserSchema = z.object({
  user: userRef,
  idp: directoryIdpSchema.pick({ id: true, name: true, type: true }),
});

/**
 * The directory as the people who assign keys see it (permission device:enroll): connections
 * without settings or secrets, user search and user resolution. Managing the connections
 * themselves stays behind idp:write (routes.ts).
 */
export function directoryRoutes(http: HttpApp, deps: IdentityDeps): void {
  const tags = ['directory'];
  http.route(
    {
      method: 'get',
      path: '/directory/idps',
      summary: 'IdP connections to enroll at: id, name, type, default flag and how users are found',
      tags,
      permission: 'device:enroll',
      responses: { 200: z.array(directoryIdpSchema) },
    },
    async () =>
      (await deps.idps.list()).map((idp) => ({
        id: idp.id,
        name: idp.name,
        type: idp.type,
        isDefault: idp.isDefault,
        userSearch: USER_SEARCH[idp.type],
      })),
  );
  http.route(
    {
      method: 'get',
      path: '/directory/idps/:id/users',
      summary: 'Search users at an IdP (login/e-mail exact, else name; exact-id providers: the id)',
      tags,
      permission: 'device:enroll',
      params: idParams,
      query: z.object({
        q: z.string().trim().min(1),
        limit: z.coerce.number().int().min(1).max(200).default(25),
      }),
      responses: { 200: z.array(userRef) },
    },
    async ({ params, query }) =>
      (await deps.connectorFor(params.id)).searchUsers(query.q, query.limit),
  );
  http.route(
    {
      method: 'get',
      path: '/directory/users/:username',
      summary:
        "Resolve a user for assignment by URL: at the user's mapped IdP, else the tenant default",
      tags,
      permission: 'device:enroll',
      params: z.object({ username: z.string().min(1).max(320) }),
      responses: { 200: resolvedUserSchema },
    },
    async ({ params }) => {
      const idpId = (await deps.mappings.get(params.username)) ?? (await deps.idps.defaultId());
      if (!idpId)
        throw new KeywardError(
          'CONFLICT',
          `no default identity provider is configured, so ${params.username} cannot be looked up; make a connection the default (PUT /idps/{id}/default)`,
          { details: { username: params.username } },
        );
      const idp = await deps.idps.get(idpId);
      const user = await (await deps.connectorFor(idpId)).getUser(params.username);
      return { user, idp: { id: idp.id, name: idp.name, type: idp.type } };
    },
  );
}
