import { errorBodySchema, serialSchema } from '@keyward/contracts';
import type { HttpApp } from '@keyward/service-kit';
import { z } from 'zod';
import type { IdentityDeps } from '../usecases/deps.ts';
import { revokeCredential } from '../usecases/revokeCredential.ts';

export const revokeDeviceBody = z.object({
  /** Why the key is revoked (lost, stolen, left the company); kept in the audit trail. */
  reason: z.string().trim().min(1).max(500).optional(),
});

const errorResponseSchema = z.object({ error: errorBodySchema });

const revokeDeviceReply = z.object({
  serial: serialSchema,
  revoked: z.array(z.object({ credentialId: z.string(), idpId: z.string() })),
});

/**
 * A key as the administrator sees it at the IdP: revoking deletes its passkeys there (the same
 * use case as keyward.identity.credential.revoke), and credential.revoked, carrying the caller
 * proven by the token, turns the key REVOKED in the inventory.
 */
export function deviceRoutes(http: HttpApp, deps: IdentityDeps): void {
  http.route(
    {
      method: 'post',
      path: '/devices/:serial/revoke',
      summary:
        'Revoke a key: delete every active passkey of the serial at its IdP; the key turns REVOKED (404 when the serial has none)',
      tags: ['device'],
      permission: 'device:revoke',
      params: z.object({ serial: serialSchema }),
      body: revokeDeviceBody,
      responses: {
        200: revokeDeviceReply,
        400: errorResponseSchema,
        404: errorResponseSchema,
        409: errorResponseSchema,
      },
    },
    async ({ params, body }, ctx) => {
      const { revoked } = await revokeCredential(
        deps,
        { serial: params.serial, ...(body.reason ? { reason: body.reason } : {}) },
        ctx.actor,
      );
      return { serial: params.serial, revoked };
    },
  );
}
