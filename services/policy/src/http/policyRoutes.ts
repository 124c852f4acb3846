import { policySchema } from '@keyward/contracts';
import type { HttpApp } from '@keyward/service-kit';
import { z } from 'zod';
import { PolicyInput } from '../domain/policy/policySchema.ts';
import type { PolicyServiceDeps } from '../service/deps.ts';
import { createPolicy, deletePolicy, updatePolicy } from '../service/policies.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });
const version = z.coerce.number().int().min(1);
const versionRow = z.object({
  version: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});

/** Policy CRUD with versions. Reads need device:read, changes policy:write. */
export function registerPolicyRoutes(http: HttpApp, deps: PolicyServiceDeps): void {
  http.route(
    {
      method: 'get',
      path: '/policies',
      summary: 'List policies (current versions)',
      tags: ['policies'],
      permission: 'device:read',
      responses: { 200: z.object({ policies: z.array(policySchema) }) },
    },
    async () => ({ policies: await deps.policies.list() }),
  );

  http.route(
    {
      method: 'post',
      path: '/policies',
      summary: 'Create a policy (version 1)',
      tags: ['policies'],
      permission: 'policy:write',
      body: PolicyInput,
      status: 201,
      responses: { 201: policySchema },
    },
    async ({ body }, ctx) => createPolicy(deps, { input: body, actor: ctx.actor }),
  );

  http.route(
    {
      method: 'get',
      path: '/policies/:id',
      summary: 'One policy; the current version unless ?version=N',
      tags: ['policies'],
      permission: 'device:read',
      params: idParams,
      query: z.object({ version: version.optional() }),
      responses: { 200: policySchema },
    },
    async ({ params, query }) => deps.policies.get(params.id, query.version),
  );

  http.route(
    {
      method: 'get',
      path: '/policies/:id/versions',
      summary: 'Version history of a policy (kept after delete)',
      tags: ['policies'],
      permission: 'device:read',
      params: idParams,
      responses: { 200: z.object({ versions: z.array(versionRow) }) },
    },
    async ({ params }) => ({ versions: await deps.policies.versions(params.id) }),
  );

  http.route(
    {
      method: 'put',
      path: '/policies/:id',
      summary: 'Replace a policy; expectedVersion must be the current version (else 409)',
      tags: ['policies'],
      permission: 'policy:write',
      params: idParams,
      body: PolicyInput.extend({ expectedVersion: z.number().int().min(1) }),
      responses: { 200: policySchema },
    },
    async ({ params, body }, ctx) => {
      const { expectedVersion, ...input } = body;
      return updatePolicy(deps, { id: params.id, expectedVersion, input, actor: ctx.actor });
    },
  );

  http.route(
    {
      method: 'delete',
      path: '/policies/:id',
      summary:
        'Delete a policy at ?expectedVersion=N (history stays); 409 listing the serials while keys are linked to it',
      tags: ['policies'],
      permission: 'policy:write',
      params: idParams,
      query: z.object({ expectedVersion: version }),
      responses: { 200: policySchema },
    },
    async ({ params, query }, ctx) =>
      deletePolicy(deps, {
        id: params.id,
        expectedVersion: query.expectedVersion,
        actor: ctx.actor,
      }),
  );
}
