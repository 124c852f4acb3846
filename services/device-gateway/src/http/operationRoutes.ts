import { deviceEvents, KeywardError, policyRequests, type Reply } from '@keyward/contracts';
import { z } from 'zod';
import { keyKind } from '../domain/deviceFacts.ts';
import { pinAccess, pinReadWhich } from '../domain/pinAccess.ts';
import { lookupInventory } from '../operations/deviceView.ts';
import { enrollKey } from '../operations/enrollKey.ts';
import type { GatewayCore } from '../operations/gatewayCore.ts';
import { resetKey } from '../operations/resetKey.ts';
import { runOne } from '../operations/runOne.ts';
import { testKey } from '../operations/testKey.ts';
import { unlockKey } from '../operations/unlockKey.ts';
import type { Route } from './httpApp.ts';
import {
  assignBody,
  deviceIdParams,
  errorSchema,
  operationResponses,
  pinViewSchema,
  resetBody,
  unlockBody,
  waitQuery,
} from './schemas.ts';

const testBody = z.object({
  rpId: z.string().min(1).optional(),
  credentialId: z.string().min(1).optional(),
});

/** Assign/enroll, functional test, initial PIN view, reset, unlock. */
export function operationRoutes(route: Route, core: GatewayCore): void {
  /**
   * The user PIN of a configured key, for this request only (never logged or kept). Read in
   * the REST caller's name so policy's audited keyward.pin.read names the person behind it;
   * the gateway stays identifiable through the request's gatewayId.
   */
  async function userPin(
    serial: string,
    pinSet: boolean,
    actor: string,
  ): Promise<string | undefined> {
    if (!pinSet) return undefined;
    const reply = await core.requester.request(
      policyRequests.pinRead,
      { serial, which: 'user', permissions: ['device:userpin:read'], gatewayId: core.gatewayId },
      { actor },
    );
    return unwrap(reply, 'PIN vault').userPin;
  }

  route(
    {
      method: 'post',
      path: '/devices/:id/assign',
      summary:
        'Enroll a passkey on the key for a user at an IdP (default IdP when idpId is left out)',
      permission: 'device:enroll',
      params: deviceIdParams,
      query: waitQuery,
      body: assignBody,
      responses: operationResponses,
    },
    async ({ params, query, body, actor }) => {
      const device = core.registry.get(params.id);
      const pin = await userPin(device.facts.serial, device.facts.pinSet, actor);
      return runOne(core, {
        kind: 'enroll',
        device,
        actor,
        annotation: { user: body.user },
        task: enrollKey(core, {
          user: body.user,
          ...(body.idpId ? { idpId: body.idpId } : {}),
          ...(body.notifyUser !== undefined ? { notifyUser: body.notifyUser } : {}),
          ...(pin ? { pin } : {}),
        }),
        wait: query.wait,
      });
    },
  );

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
    async ({ params, query, body, actor }) => {
      const device = core.registry.get(params.id);
      const inventory = await lookupInventory(core, [device.facts.serial], actor);
      const lookup = inventory(device.facts.serial);
      const enrolled = lookup.kind === 'found' ? lookup.record.credentialId : undefined;
      const credentialId = body.credentialId ?? (body.rpId ? enrolled : undefined);
      const pin = await userPin(device.facts.serial, device.facts.pinSet, actor);
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
      params: deviceIdParams,
      responses: { 200: pinViewSchema, 403: errorSchema, 404: errorSchema },
    },
    async ({ params, principal, actor, res }) => {
      const device = core.registry.get(params.id);
      const kinds = pinAccess({
        keyKind: keyKind(device.facts),
        permissions: principal?.permissions ?? new Set(),
      });
      const reply = await core.requester.request(
        policyRequests.pinRead,
        {
          serial: device.facts.serial,
          which: pinReadWhich(kinds),
          permissions: [...(principal?.permissions ?? [])],
          gatewayId: core.gatewayId,
        },
        { actor },
      );
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
      res.setHeader('Cache-Control', 'no-store');
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
      path: '/devices/:id/unlock',
      summary:
        'Unlock a PIN-blocked enterprise key with the admin PIN; new PIN generated or chosen',
      permission: 'device:unlock',
      params: deviceIdParams,
      query: waitQuery,
      body: unlockBody,
      responses: operationResponses,
    },
    async ({ params, query, body, actor, principal }) => {
      const device = core.registry.get(params.id);
      return runOne(core, {
        kind: 'unlock',
        device,
        actor,
        task: unlockKey(core, {
          ...(body.method === 'remote'
            ? { method: 'remote' as const, permissions: [...(principal?.permissions ?? [])] }
            : { method: 'admin-pin' as const, adminPin: body.adminPin! }),
          ...(body.newPin ? { newPin: body.newPin } : {}),
        }),
        wait: query.wait,
      });
    },
  );
}

function unwrap<T>(reply: Reply<T>, what: string): T {
  if (!reply.ok) throw new KeywardError(reply.error.code, `${what}: ${reply.error.message}`);
  return reply.data;
}
