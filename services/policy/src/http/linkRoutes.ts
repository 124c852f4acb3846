import { serialSchema } from '@keyward/contracts';
import type { HttpApp } from '@keyward/service-kit';
import { z } from 'zod';
import type { PolicyServiceDeps } from '../service/deps.ts';
import { linkDevices, unlinkDevice } from '../service/links.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });
const linkRow = z.object({
  serial: z.string(),
  policyId: z.string(),
  policyVersion: z.number().int(),
  linkedAt: z.string(),
  linkedBy: z.string(),
});

/** Keys linked to a policy ahead of configuration (READY; "apply linked policy" on the gateway). */
export function registerLinkRoutes(http: HttpApp, deps: PolicyServiceDeps): void {
  http.route(
    {
      method: 'get',
      path: '/policies/:id/devices',
      summary: 'Keys linked to this policy (READY until configured)',
      tags: ['policies'],
      permission: 'device:read',
      params: idParams,
      responses: { 200: z.object({ devices: z.array(linkRow) }) },
    },
    async ({ params }) => ({ devices: await deps.links.list(params.id) }),
  );

  http.route(
    {
      method: 'post',
      path: '/policies/:id/devices',
      summary: 'Link keys by serial to the current version of this policy (a linked key moves)',
      tags: ['policies'],
      permission: 'policy:write',
      params: idParams,
      body: z.object({ serials: z.array(serialSchema).min(1).max(1000) }),
      responses: {
        200: z.object({
          policyId: z.string(),
          policyVersion: z.number().int(),
          linked: z.array(z.string()),
        }),
      },
    },
    async ({ params, body }, ctx) =>
      linkDevices(deps, { policyId: params.id, serials: body.serials, actor: ctx.actor }),
  );

  http.route(
    {
      method: 'delete',
      path: '/policies/:id/devices/:serial',
      summary: 'Unlink a key from this policy',
      tags: ['policies'],
      permission: 'policy:write',
      params: idParams.extend({ serial: serialSchema }),
      responses: { 200: z.object({ policyId: z.string(), serial: z.string() }) },
    },
    async ({ params }, ctx) =>
      unlinkDevice(deps, { policyId: params.id, serial: params.serial, actor: ctx.actor }),
  );
}
