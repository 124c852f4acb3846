import { deviceEvents, KeywardError, type Reply } from '@keyward/contracts';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { checkPin, readPins } from '../bus/policyPins.ts';
import { keyKind } from '../domain/deviceFacts.ts';
import { pinAccess, pinReadWhich } from '../domain/pinAccess.ts';
import type { GatewayCore } from '../operations/gatewayCore.ts';
import { readUserPin } from '../operations/readUserPin.ts';
import { requireDeviceAction } from '../operations/requireDeviceAction.ts';
import { resetKey } from '../operations/resetKey.ts';
import { runOne } from '../operations/runOne.ts';
import { testKey } from '../operations/testKey.ts';
import { unlockKey } from '../operations/unlockKey.ts';
import { bearerTokenOf, callerOf, type Route } from './httpApp.ts';
import {
  deviceIdParams,
  errorSchema,
  operationResponses,
  pinCheckBody,
  pinCheckSchema,
  pinViewSchema,
  resetBody,
  unlockBody,
  waitQuery,
} from './schemas.ts';

const testBody = z.object({
  rpId: z.string().min(1).optional(),
  credentialId: z.string().min(1).optional(),
});

/**
 * Functional test, initial PIN view, reset, unlock. The PIN view and unlock share `secretLimit`,
 * a per-caller request limit (issue 19).
 */
export function operationRoutes(
  route: Route,
  core: GatewayCore,
  secretLimit: RequestHandler,
): void {
  route(
    {
      method: 'post',
      path: '/devices/:id/test',
      summary:
        'Functional test: an assertion with the enrolled (or a throwaway) credential, verified, timed',
      permission: 'device:enroll',
      params: deviceIdParams,
      query: waitQuery,
      body: testBody,
      responses: operationResponses,
    },
    async (ctx) => {
      const { params, query, body, actor } = ctx;
      const { device, lookup } = await requireDeviceAction(core, {
        deviceId: params.id,
        action: 'test',
        caller: callerOf(ctx),
      });
      const enrolled = lookup.kind === 'found' ? lookup.record.credentialId : undefined;
      const credentialId = body.credentialId ?? (body.rpId ? enrolled : undefined);
      const pin = device.facts.pinSet
        ? await readUserPin(core, {
            serial: device.facts.serial,
            actor,
            token: bearerTokenOf(ctx),
          })
        : undefined;
      return runOne(core, {
        kind: 'test',
        device,
        actor,
        task: testKey(core, {
          rpId: body.rpId ?? 'keyward.test',
          ...(credentialId ? { credentialId } : {}),
          ...(pin ? { pin } : {}),
        }),
        wait: query.wait,
      });
    },
  );

  route(
    {
      method: 'get',
      path: '/devices/:id/pin',
      summary:
        'Initial PIN(s) per the caller’s permissions (standard key: user PIN; enterprise: user and admin)',
      permission: 'device:read',
      secret: true,
      rateLimit: secretLimit,
      params: deviceIdParams,
      responses: { 200: pinViewSchema, 403: errorSchema, 404: errorSchema },
    },
    async (ctx) => {
      const { params, principal, actor } = ctx;
      const device = core.registry.get(params.id);
      const kinds = pinAccess({
        keyKind: keyKind(device.facts),
        permissions: principal?.permissions ?? new Set(),
      });
      // No PIN set, or a blocked one: nothing worth showing (the same table as `actions`).
      await requireDeviceAction(core, {
        deviceId: params.id,
        action: 'pin',
        caller: callerOf(ctx),
      });
      // The policy service reads the permissions from the caller's token itself.
      const reply = await readPins(core.vault, {
        serial: device.facts.serial,
        which: pinReadWhich(kinds),
        purpose: 'view',
        gatewayId: core.gatewayId,
        actor,
        token: bearerTokenOf(ctx),
      });
      const pins = unwrap(reply, 'PIN vault');
      const body = {
        ...(kinds.includes('user') && pins.userPin ? { userPin: pins.userPin } : {}),
        ...(kinds.includes('admin') && pins.adminPin ? { adminPin: pins.adminPin } : {}),
      };
      const revealed = (['user', 'admin'] as const).filter((k) =>
        k === 'user' ? body.userPin : body.adminPin,
      );
      if (revealed.length === 0) {
        throw new KeywardError(
          'NOT_FOUND',
          `the vault holds no initial PIN for device ${device.facts.serial}`,
        );
      }
      await core.events.publish(deviceEvents.pinViewed, {
        actor,
        subject: device.facts.serial,
        data: {
          gatewayId: core.gatewayId,
          deviceId: device.key.id,
          serial: device.facts.serial,
          aaguid: device.facts.aaguid,
          revealed,
        },
      });
      return { body };
    },
  );

  route(
    {
      method: 'post',
      path: '/devices/:id/reset',
      summary:
        'Reset: remove and reinsert the key, then touch it within 10 s (admin PIN for managed keys)',
      permission: 'device:reset',
      params: deviceIdParams,
      query: waitQuery,
      body: resetBody,
      responses: operationResponses,
    },
    async ({ params, query, body, actor }) => {
      const device = core.registry.get(params.id);
      if (keyKind(device.facts) === 'enterprise' && !body.adminPin) {
        throw new KeywardError(
          'VALIDATION_FAILED',
          'body.adminPin: Required for a managed (enterprise) key',
        );
      }
      return runOne(core, {
        kind: 'reset',
        device,
        actor,
        task: resetKey(core, {
          reinsertTimeoutMs: core.reinsertTimeoutMs,
          ...(body.adminPin ? { adminPin: body.adminPin } : {}),
        }),
        wait: query.wait,
      });
    },
  );

  route(
    {
      method: 'post',
      path: '/devices/:id/pin-check',
      summary:
        "Would unlock accept this chosen new PIN? The key's policy rules and minimum length, as the policy service checks them; nothing is stored",
      permission: 'device:unlock',
      secret: true,
      params: deviceIdParams,
      body: pinCheckBody,
      responses: { 200: pinCheckSchema, 404: errorSchema, 503: errorSchema },
    },
    async (ctx) => {
      const { params, body, actor, res } = ctx;
      const { facts } = core.registry.get(params.id);
      const reply = await checkPin(core.vault, {
        serial: facts.serial,
        pin: body.pin,
        ...(facts.info.minPinLength ? { minPinLength: facts.info.minPinLength } : {}),
        actor,
        token: bearerTokenOf(ctx),
      });
      res.setHeader('Cache-Control', 'no-store');
      return { body: unwrap(reply, 'PIN rules') };
    },
  );

  route(
    {
      method: 'post',
      path: '/devices/:id/unlock',
      summary:
        'Unlock a PIN-blocked enterprise key with the admin PIN or remotely; new PIN generated or chosen (?wait=true shows it once)',
      permission: 'device:unlock',
      secret: true,
      rateLimit: secretLimit,
      params: deviceIdParams,
      query: waitQuery,
      body: unlockBody,
      responses: operationResponses,
    },
    async (ctx) => {
      const { params, query, body, actor } = ctx;
      const token = bearerTokenOf(ctx);
      if (!token) throw new KeywardError('UNAUTHENTICATED', 'missing bearer token');
      const { device } = await requireDeviceAction(core, {
        deviceId: params.id,
        action: 'unlock',
        caller: callerOf(ctx),
      });
      // Only a waiting caller can be handed the new PIN, once, in this answer; otherwise it is
      // in the vault (GET /devices/{id}/pin with device:userpin:read).
      let newPin: string | undefined;
      const result = await runOne(core, {
        kind: 'unlock',
        device,
        actor,
        task: unlockKey(core, {
          token,
          ...(body.method === 'remote'
            ? { method: 'remote' as const }
            : { method: 'admin-pin' as const, adminPin: body.adminPin! }),
          ...(body.newPin ? { newPin: body.newPin } : {}),
          ...(query.wait
            ? {
                revealNewPin: (pin: string) => {
                  newPin = pin;
                },
              }
            : {}),
        }),
        wait: query.wait,
      });
      if (result.status !== 200 || newPin === undefined) return result;
      await core.events.publish(deviceEvents.pinViewed, {
        actor,
        subject: device.facts.serial,
        data: {
          gatewayId: core.gatewayId,
          deviceId: device.key.id,
          serial: device.facts.serial,
          aaguid: device.facts.aaguid,
          revealed: ['user'],
        },
      });
      const unlocked = result.body.result as Record<string, unknown>;
      return { status: 200, body: { ...result.body, result: { ...unlocked, newPin } } };
    },
  );
}

function unwrap<T>(reply: Reply<T>, what: string): T {
  if (!reply.ok) throw new KeywardError(reply.error.code, `${what}: ${reply.error.message}`);
  return reply.data;
}
