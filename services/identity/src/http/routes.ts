import { identityRequests, userRef } from '@keyward/contracts';
import type { HttpApp } from '@keyward/service-kit';
import { z } from 'zod';
import type { IdpSettings } from '../domain/connection/connectionConfig.ts';
import { type ProvisioningRequest, summarize } from '../domain/provisioning/provisioning.ts';
import { reportCsv, reportJson } from '../domain/provisioning/report.ts';
import type { IdentityDeps } from '../usecases/deps.ts';
import {
  createIdp,
  deleteIdp,
  setDefaultIdp,
  testIdpConnection,
  updateIdp,
} from '../usecases/manageIdps.ts';
import {
  createProvisioningRequest,
  nextProvisioningUser,
  toProvisioningNextReply,
} from '../usecases/provisioningRequests.ts';
import { deviceRoutes } from './deviceRoutes.ts';
import { directoryRoutes } from './directoryRoutes.ts';
import {
  createIdpBody,
  createProvisioningBody,
  idParams,
  idpViewSchema,
  provisioningViewSchema,
  reportQuery,
  testConnectionSchema,
  updateIdpBody,
} from './schemas.ts';

const provisioningView = (r: ProvisioningRequest) => ({
  id: r.id,
  name: r.name,
  policyId: r.policyId,
  ...(r.idpId ? { idpId: r.idpId } : {}),
  mode: r.mode,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
  ...(r.completedAt ? { completedAt: r.completedAt.toISOString() } : {}),
  summary: summarize(r.users),
});

/** Administrator REST API of the identity service; every route declares its permission. */
export function registerRoutes(http: HttpApp, deps: IdentityDeps): void {
  directoryRoutes(http, deps);
  deviceRoutes(http, deps);
  const tags = ['idp'];
  http.route(
    {
      method: 'get',
      path: '/idps',
      summary: 'List IdP connections',
      tags,
      permission: 'idp:write',
      responses: { 200: z.array(idpViewSchema) },
    },
    () => deps.idps.list(),
  );
  http.route(
    {
      method: 'post',
      path: '/idps',
      summary: 'Add an IdP connection (secrets sealed at rest)',
      tags,
      permission: 'idp:write',
      body: createIdpBody,
      status: 201,
      responses: { 201: idpViewSchema },
    },
    ({ body }, ctx) =>
      createIdp(deps, { ...body, settings: body.settings as IdpSettings }, ctx.actor),
  );
  http.route(
    {
      method: 'get',
      path: '/idps/:id',
      summary: 'One IdP connection',
      tags,
      permission: 'idp:write',
      params: idParams,
      responses: { 200: idpViewSchema },
    },
    ({ params }) => deps.idps.get(params.id),
  );
  http.route(
    {
      method: 'patch',
      path: '/idps/:id',
      summary:
        'Change an IdP connection; omitted secrets are kept; expectedVersion (from GET) guards against overwriting a newer edit',
      tags,
      permission: 'idp:write',
      params: idParams,
      body: updateIdpBody,
      responses: { 200: idpViewSchema },
    },
    ({ params, body }, ctx) =>
      updateIdp(
        deps,
        params.id,
        { ...body, ...(body.settings ? { settings: body.settings as IdpSettings } : {}) },
        ctx.actor,
      ),
  );
  http.route(
    {
      method: 'delete',
      path: '/idps/:id',
      summary: 'Remove an IdP connection',
      tags,
      permission: 'idp:write',
      params: idParams,
      responses: { 200: idpViewSchema },
    },
    ({ params }, ctx) => deleteIdp(deps, params.id, ctx.actor),
  );
  http.route(
    {
      method: 'put',
      path: '/idps/:id/default',
      summary: 'Make this the tenant default IdP',
      tags,
      permission: 'idp:write',
      params: idParams,
      responses: { 200: idpViewSchema },
    },
    ({ params }, ctx) => setDefaultIdp(deps, params.id, ctx.actor),
  );
  http.route(
    {
      method: 'post',
      path: '/idps/:id/test',
      summary: 'Test Connection: token + one user; says precisely what failed',
      tags,
      permission: 'idp:write',
      params: idParams,
      responses: { 200: testConnectionSchema },
    },
    ({ params }) => testIdpConnection(deps, params.id),
  );
  http.route(
    {
      method: 'get',
      path: '/idps/:id/users',
      summary: 'Search users at the IdP (login/e-mail exact, else name)',
      tags,
      permission: 'idp:write',
      params: idParams,
      query: z.object({
        q: z.string().min(1),
        limit: z.coerce.number().int().min(1).max(200).default(25),
      }),
      responses: { 200: z.array(userRef) },
    },
    async ({ params, query }) =>
      (await deps.connectorFor(params.id)).searchUsers(query.q, query.limit),
  );

  const mappingTags = ['user-mapping'];
  const mapping = z.object({ user: z.string(), idpId: z.string() });
  http.route(
    {
      method: 'get',
      path: '/user-mappings',
      summary: 'User → IdP mappings',
      tags: mappingTags,
      permission: 'idp:write',
      responses: { 200: z.array(mapping) },
    },
    () => deps.mappings.list(),
  );
  http.route(
    {
      method: 'put',
      path: '/user-mappings/:user',
      summary: 'Map a user (login) to an IdP',
      tags: mappingTags,
      permission: 'idp:write',
      params: z.object({ user: z.string().min(1) }),
      body: z.object({ idpId: z.string().min(1) }),
      responses: { 200: mapping },
    },
    async ({ params, body }) => {
      await deps.idps.get(body.idpId);
      await deps.mappings.set(params.user, body.idpId);
      return { user: params.user.toLowerCase(), idpId: body.idpId };
    },
  );
  http.route(
    {
      method: 'delete',
      path: '/user-mappings/:user',
      summary: 'Remove a user mapping',
      tags: mappingTags,
      permission: 'idp:write',
      params: z.object({ user: z.string().min(1) }),
      responses: { 200: z.object({ removed: z.boolean() }) },
    },
    async ({ params }) => ({ removed: await deps.mappings.remove(params.user) }),
  );

  const pTags = ['provisioning'];
  http.route(
    {
      method: 'post',
      path: '/provisioning-requests',
      summary: 'Create a provisioning request from a CSV of users',
      tags: pTags,
      permission: 'provisioning:run',
      body: createProvisioningBody,
      status: 201,
      responses: { 201: provisioningViewSchema },
    },
    async ({ body }, ctx) =>
      provisioningView(await createProvisioningRequest(deps, body, ctx.actor)),
  );
  http.route(
    {
      method: 'get',
      path: '/provisioning-requests',
      summary: 'Provisioning requests with their counts',
      tags: pTags,
      permission: 'provisioning:run',
      responses: { 200: z.array(provisioningViewSchema) },
    },
    async () => (await deps.provisioning.list()).map(provisioningView),
  );
  http.route(
    {
      method: 'get',
      path: '/provisioning-requests/:id',
      summary: 'One provisioning request',
      tags: pTags,
      permission: 'provisioning:run',
      params: idParams,
      responses: { 200: provisioningViewSchema },
    },
    async ({ params }) => provisioningView(await deps.provisioning.get(params.id)),
  );
  http.route(
    {
      method: 'post',
      path: '/provisioning-requests/:id/next',
      summary: 'Manual mode: record the previous outcome, get the next user',
      tags: pTags,
      permission: 'provisioning:run',
      params: idParams,
      body: identityRequests.provisioningNext.request.omit({ requestId: true }),
      responses: { 200: identityRequests.provisioningNext.reply },
    },
    async ({ params, body }, ctx) => {
      const r = await nextProvisioningUser(
        deps,
        { requestId: params.id, ...(body.previous ? { previous: body.previous } : {}) },
        ctx.actor,
      );
      return toProvisioningNextReply(r);
    },
  );
  http.route(
    {
      method: 'get',
      path: '/provisioning-requests/:id/report',
      summary: 'Report of a provisioning request (CSV or JSON)',
      tags: pTags,
      permission: 'report:read',
      params: idParams,
      query: reportQuery,
      responses: { 200: z.unknown() },
    },
    async ({ params, query }, ctx) => {
      const request = await deps.provisioning.get(params.id);
      if (query.format === 'json') return reportJson(request);
      ctx.res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('content-disposition', `attachment; filename="provisioning-${request.id}.csv"`)
        .send(reportCsv(request));
      return undefined;
    },
  );
}
