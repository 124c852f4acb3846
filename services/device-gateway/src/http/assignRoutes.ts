import { KeywardError } from '@keyward/contracts';
import { enrollKey } from '../operations/enrollKey.ts';
import type { GatewayCore } from '../operations/gatewayCore.ts';
import { provisionKey } from '../operations/provisionKey.ts';
import { readUserPin } from '../operations/readUserPin.ts';
import { requireDeviceAction } from '../operations/requireDeviceAction.ts';
import { runOne } from '../operations/runOne.ts';
import { bearerTokenOf, callerOf, type Route } from './httpApp.ts';
import {
  assignBody,
  configureAndAssignBody,
  deviceIdParams,
  operationResponses,
  waitQuery,
} from './schemas.ts';

/** Assign (enroll a configured key) and configure-and-assign (an unconfigured one). */
export function assignRoutes(route: Route, core: GatewayCore): void {
  route(
    {
      method: 'post',
      path: '/devices/:id/assign',
      summary:
        'Enroll a passkey on a CONFIGURED, IN STOCK or REVOKED key for a user at an IdP (default IdP when idpId is left out)',
      permission: 'device:enroll',
      params: deviceIdParams,
      query: waitQuery,
      body: assignBody,
      responses: operationResponses,
    },
    async (ctx) => {
      const { params, query, body, actor } = ctx;
      const { device } = await requireDeviceAction(core, {
        deviceId: params.id,
        action: 'assign',
        caller: callerOf(ctx),
      });
      const pin = device.facts.pinSet
        ? await readUserPin(core, {
            serial: device.facts.serial,
            actor,
            token: bearerTokenOf(ctx),
          })
        : undefined;
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
      path: '/devices/:id/configure-and-assign',
      summary:
        'Configure a NOT CONFIGURED or READY key (policyId, or the linked policy of a READY key) and enroll it for a user, under one lease',
      permission: 'device:enroll',
      params: deviceIdParams,
      query: waitQuery,
      body: configureAndAssignBody,
      responses: operationResponses,
    },
    async (ctx) => {
      const { params, query, body, actor } = ctx;
      const { device, lookup } = await requireDeviceAction(core, {
        deviceId: params.id,
        action: 'configure-and-assign',
        caller: callerOf(ctx),
      });
      const linked =
        lookup.kind === 'found' && lookup.record.status === 'READY'
          ? lookup.record.policyId
          : undefined;
      const policyId = body.policyId ?? linked;
      if (!policyId)
        throw new KeywardError(
          'VALIDATION_FAILED',
          `body.policyId: Required, because device ${device.facts.serial} is not READY (no policy is linked to it)`,
          { details: { field: 'policyId', serial: device.facts.serial } },
        );
      return runOne(core, {
        kind: 'enroll',
        device,
        actor,
        policyId,
        annotation: { policyId, user: body.user },
        task: provisionKey(core, {
          policyId,
          token: bearerTokenOf(ctx),
          user: body.user,
          ...(body.idpId ? { idpId: body.idpId } : {}),
          ...(body.notifyUser !== undefined ? { notifyUser: body.notifyUser } : {}),
        }),
        wait: query.wait,
      });
    },
  );
}
