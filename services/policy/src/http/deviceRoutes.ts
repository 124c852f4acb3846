import { type Permission, policyRequests } from '@keyward/contracts';
import type { HttpApp } from '@keyward/service-kit';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { PolicyServiceDeps } from '../service/deps.ts';
import { PIN_READ_PERMISSION, readPins } from '../service/pins.ts';
import { issueUnlockResponse } from '../service/unlock.ts';

const serialParams = z.object({ serial: z.string().min(1).max(128) });

/** The 16-byte response in both encodings (hex to read out, base64url for @keyward/ctap). */
const unlockResponseSchema = z.object({ response: z.string(), responseBase64url: z.string() });

/**
 * Per-device secrets: initial PIN reads (one permission per kind) and remote unlock. Every answer
 * is `Cache-Control: no-store`, and `secretLimit` caps the calls of each caller (issue 19).
 */
export function registerDeviceRoutes(
  http: HttpApp,
  deps: PolicyServiceDeps,
  secretLimit: RequestHandler,
): void {
  for (const kind of ['user', 'admin'] as const) {
    http.route(
      {
        method: 'get',
        path: `/devices/:serial/pins/${kind}`,
        summary: `Initial ${kind} PIN of a device (audited as keyward.pin.read)`,
        tags: ['pins'],
        permission: PIN_READ_PERMISSION[kind],
        secret: true,
        rateLimit: secretLimit,
        params: serialParams,
        responses: {
          200: z.object({
            serial: z.string(),
            userPin: z.string().optional(),
            adminPin: z.string().optional(),
          }),
        },
      },
      async ({ params }, ctx) => {
        const pins = await readPins(deps, {
          serial: params.serial,
          which: kind,
          permissions: [...(ctx.principal?.permissions ?? [])] as Permission[],
          actor: ctx.actor,
        });
        return kind === 'user'
          ? { serial: params.serial, userPin: pins.userPin }
          : { serial: params.serial, adminPin: pins.adminPin };
      },
    );
  }

  http.route(
    {
      method: 'post',
      path: '/devices/:serial/unlock-response',
      summary: 'Remote-unlock response for the challenge a locked key shows (audited)',
      tags: ['unlock'],
      permission: 'device:unlock',
      secret: true,
      rateLimit: secretLimit,
      params: serialParams,
      body: policyRequests.unlockResponse.request.pick({ challenge: true }),
      responses: { 200: unlockResponseSchema },
    },
    async ({ params, body }, ctx) =>
      issueUnlockResponse(deps, {
        serial: params.serial,
        challenge: body.challenge,
        permissions: [...(ctx.principal?.permissions ?? [])] as Permission[],
        actor: ctx.actor,
      }),
  );
}
