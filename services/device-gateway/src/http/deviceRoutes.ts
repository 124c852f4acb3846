import { deviceEvents, KeywardError } from '@keyward/contracts';
import { z } from 'zod';
import type { InventoryLookup } from '../domain/deviceStatus.ts';
import { configureKey } from '../operations/configureKey.ts';
import { deviceList, deviceView, lookupInventory } from '../operations/deviceView.ts';
import { followInventory } from '../operations/followInventory.ts';
import type { GatewayCore } from '../operations/gatewayCore.ts';
import { requireDeviceAction } from '../operations/requireDeviceAction.ts';
import { runOne } from '../operations/runOne.ts';
import { streamDeviceEvents } from './deviceEvents.ts';
import { callerOf, type Route } from './httpApp.ts';
import {
  applyLinkedBody,
  configureBody,
  deviceDetailSchema,
  deviceIdParams,
  deviceListSchema,
  errorSchema,
  expandQuery,
  operationResponses,
  sessionSchema,
  stockedSchema,
  waitQuery,
} from './schemas.ts';
import { sessionBody } from './sessionRoutes.ts';

/** GET /devices, refresh, configure one, apply linked policy (one / all READY), stock. */
export function deviceRoutes(route: Route, core: GatewayCore): void {
  route(
    {
      method: 'get',
      path: '/devices',
      summary: 'Keys attached to this gateway with status and flags (?expand=true for details)',
      permission: 'device:read',
      query: expandQuery,
      responses: { 200: deviceListSchema },
    },
    async (ctx) => ({
      body: await deviceList(core, { expand: ctx.query.expand, caller: callerOf(ctx) }),
    }),
  );

  // Before /devices/:id, which would take "events" for an id.
  route(
    {
      method: 'get',
      path: '/devices/events',
      summary:
        'Server-Sent Events for a live list: ready, then attached / detached / changed keys and every key run transition',
      permission: 'device:read',
      responses: { 200: z.object({}).describe('text/event-stream') },
    },
    async ({ req, res }) => {
      streamDeviceEvents(core, req, res);
      return undefined;
    },
  );

  route(
    {
      method: 'get',
      path: '/devices/:id',
      summary: 'One attached key, expanded',
      permission: 'device:read',
      params: deviceIdParams,
      responses: { 200: deviceDetailSchema, 404: errorSchema },
    },
    async (ctx) => {
      const device = core.registry.get(ctx.params.id);
      const inventory = await lookupInventory(core, [device.facts.serial], ctx.actor);
      const options = { expand: true, caller: callerOf(ctx) };
      return { body: await deviceView(core, device, inventory(device.facts.serial), options) };
    },
  );

  route(
    {
      method: 'post',
      path: '/devices/refresh',
      summary: 'Re-identify every attached key',
      permission: 'device:read',
      responses: { 200: deviceListSchema },
    },
    async (ctx) => {
      await core.registry.refreshAll();
      return { body: await deviceList(core, { expand: false, caller: callerOf(ctx) }) };
    },
  );

  route(
    {
      method: 'post',
      path: '/devices/:id/configure',
      summary: 'Configure one key to a policy (?wait=true returns the result)',
      permission: 'device:configure',
      params: deviceIdParams,
      query: waitQuery,
      body: configureBody,
      responses: operationResponses,
    },
    async (ctx) => {
      const { params, query, body, actor } = ctx;
      const { device } = await requireDeviceAction(core, {
        deviceId: params.id,
        action: 'configure',
        caller: callerOf(ctx),
      });
      return runOne(core, {
        kind: 'configure',
        device,
        actor,
        policyId: body.policyId,
        annotation: { policyId: body.policyId },
        task: configureKey(core, { policyId: body.policyId }),
        wait: query.wait,
      });
    },
  );

  route(
    {
      method: 'post',
      path: '/devices/:id/apply-policy',
      summary: 'Apply the linked policy to one READY key',
      permission: 'device:configure',
      params: deviceIdParams,
      query: waitQuery,
      body: applyLinkedBody,
      responses: operationResponses,
    },
    async (ctx) => {
      const { params, query, actor } = ctx;
      const { device, lookup } = await requireDeviceAction(core, {
        deviceId: params.id,
        action: 'apply-policy',
        caller: callerOf(ctx),
        needsInventory: true,
      });
      const policyId = linkedPolicy(lookup, device.facts.serial);
      return runOne(core, {
        kind: 'apply-policy',
        device,
        actor,
        policyId,
        annotation: { policyId },
        task: configureKey(core, { policyId }),
        wait: query.wait,
      });
    },
  );

  route(
    {
      method: 'post',
      path: '/devices/apply-policy',
      summary: 'Apply the linked policy to every READY key (one session)',
      permission: 'device:configure',
      body: applyLinkedBody,
      responses: { 202: sessionSchema, 409: errorSchema },
    },
    async ({ actor }) => {
      const devices = core.registry.list().filter((d) => !d.facts.pinSet);
      const inventory = await lookupInventory(
        core,
        devices.map((d) => d.facts.serial),
        actor,
      );
      const ready = devices.flatMap((d) => {
        const lookup = inventory(d.facts.serial);
        return lookup.kind === 'found' && lookup.record.status === 'READY' && lookup.record.policyId
          ? [{ device: d, policyId: lookup.record.policyId }]
          : [];
      });
      if (ready.length === 0)
        throw new KeywardError(
          'CONFLICT',
          'no attached key is READY (linked to a policy, not yet configured)',
        );
      const policyOf = new Map(ready.map((r) => [r.device.key.id, r.policyId]));
      const session = await core.sessions.start({
        kind: 'apply-policy',
        mode: 'selected',
        actor,
        devices: ready.map((r) => r.device),
        annotate: (d) => ({ policyId: policyOf.get(d.key.id)! }),
        task: (d) => configureKey(core, { policyId: policyOf.get(d.key.id)! }),
      });
      return { status: 202, body: sessionBody(session) };
    },
  );

  route(
    {
      method: 'post',
      path: '/devices/:id/stock',
      summary: 'Park a CONFIGURED key for later assignment (IN STOCK); assign takes it out again',
      permission: 'device:configure',
      params: deviceIdParams,
      body: applyLinkedBody,
      responses: { 200: stockedSchema, 409: errorSchema, 503: errorSchema },
    },
    async (ctx) => {
      const { params, actor } = ctx;
      const { serial } = core.registry.get(params.id).facts;
      // Stocking takes no lease, so a held one is checked here, naming its holder.
      const holder = await core.leases.holder(serial);
      if (holder)
        throw new KeywardError(
          'DEVICE_BUSY',
          `device ${serial} is busy: held by ${holder.actor} (${holder.operation}) since ${holder.since}`,
          { details: { serial, heldBy: holder.actor, operation: holder.operation } },
        );
      // Without the inventory an ENROLLED key looks merely CONFIGURED: refuse rather than guess.
      const { device, lookup } = await requireDeviceAction(core, {
        deviceId: params.id,
        action: 'stock',
        caller: callerOf(ctx),
        needsInventory: true,
      });
      const { aaguid } = device.facts;
      const policyId = lookup.kind === 'found' ? lookup.record.policyId : undefined;
      await core.events.publish(deviceEvents.stocked, {
        actor,
        subject: serial,
        data: {
          gatewayId: core.gatewayId,
          deviceId: device.key.id,
          serial,
          aaguid,
          ...(policyId ? { policyId } : {}),
        },
      });
      // The list shows IN STOCK once the inventory has projected the event.
      followInventory(core, {
        deviceId: device.key.id,
        serial,
        expected: { statuses: ['IN_STOCK'] },
        actor,
      }).catch(() => undefined);
      return { body: { serial, status: 'IN_STOCK' as const } };
    },
  );
}

/** The policy linked to a READY key (the action table has checked the status). */
function linkedPolicy(lookup: InventoryLookup, serial: string): string {
  if (lookup.kind !== 'found' || lookup.record.status !== 'READY' || !lookup.record.policyId) {
    throw new KeywardError(
      'CONFLICT',
      `device ${serial} is not READY: no policy is linked to it in the inventory`,
      {
        details: {
          serial,
          status: lookup.kind === 'found' ? lookup.record.status : 'unknown to the inventory',
        },
      },
    );
  }
  return lookup.record.policyId;
}
