import { deviceEvents, KeywardError } from '@keyward/contracts';
import { deriveStatus } from '../domain/deviceStatus.ts';
import { configureKey } from '../operations/configureKey.ts';
import { deviceView, lookupInventory } from '../operations/deviceView.ts';
import type { GatewayCore } from '../operations/gatewayCore.ts';
import { runOne } from '../operations/runOne.ts';
import type { Route } from './httpApp.ts';
import {
  applyLinkedBody,
  configureBody,
  deviceIdParams,
  deviceListSchema,
  deviceViewSchema,
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
    async ({ query, actor }) => {
      const devices = core.registry.list();
      const inventory = await lookupInventory(
        core,
        devices.map((d) => d.facts.serial),
        actor,
      );
      const views = await Promise.all(
        devices.map((d) => deviceView(core, d, inventory(d.facts.serial), query.expand)),
      );
      return { body: { gatewayId: core.gatewayId, devices: views } };
    },
  );

  route(
    {
      method: 'get',
      path: '/devices/:id',
      summary: 'One attached key, expanded',
      permission: 'device:read',
      params: deviceIdParams,
      responses: { 200: deviceViewSchema, 404: errorSchema },
    },
    async ({ params, actor }) => {
      const device = core.registry.get(params.id);
      const inventory = await lookupInventory(core, [device.facts.serial], actor);
      return { body: await deviceView(core, device, inventory(device.facts.serial), true) };
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
    async ({ actor }) => {
      await core.registry.refreshAll();
      const devices = core.registry.list();
      const inventory = await lookupInventory(
        core,
        devices.map((d) => d.facts.serial),
        actor,
      );
      const views = await Promise.all(
        devices.map((d) => deviceView(core, d, inventory(d.facts.serial), false)),
      );
      return { body: { gatewayId: core.gatewayId, devices: views } };
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
    async ({ params, query, body, actor }) => {
      const device = core.registry.get(params.id);
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
    async ({ params, query, actor }) => {
      const device = core.registry.get(params.id);
      const inventory = await lookupInventory(core, [device.facts.serial], actor);
      const policyId = linkedPolicy(inventory(device.facts.serial), device.facts.serial);
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
    async ({ params, actor }) => {
      const device = core.registry.get(params.id);
      const { serial, aaguid } = device.facts;
      const lookup = (await lookupInventory(core, [serial], actor))(serial);
      // Without the inventory an ENROLLED key looks merely CONFIGURED: refuse rather than guess.
      if (lookup.kind === 'unavailable')
        throw new KeywardError(
          'UPSTREAM_UNAVAILABLE',
          `the inventory is unreachable, so whether ${serial} is assigned is unknown`,
        );
      const holder = await core.leases.holder(serial);
      if (holder)
        throw new KeywardError(
          'DEVICE_BUSY',
          `device ${serial} is busy: held by ${holder.actor} (${holder.operation}) since ${holder.since}`,
          { details: { serial, heldBy: holder.actor, operation: holder.operation } },
        );
      const { status } = deriveStatus({ facts: device.facts, inventory: lookup });
      if (status !== 'CONFIGURED' && status !== 'IN_STOCK')
        throw new KeywardError(
          'CONFLICT',
          `device ${serial} is ${status}; only a CONFIGURED key can be put in stock`,
          { details: { serial, status } },
        );
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
      return { body: { serial, status: 'IN_STOCK' as const } };
    },
  );
}

function linkedPolicy(
  lookup: Awaited<ReturnType<typeof lookupInventory>> extends (s: string) => infer L ? L : never,
  serial: string,
): string {
  if (lookup.kind === 'unavailable') {
    throw new KeywardError(
      'UPSTREAM_UNAVAILABLE',
      `the inventory is unreachable, so the linked policy of ${serial} is unknown`,
    );
  }
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
