import { z } from 'zod';
import type { GatewayCore } from '../operations/gatewayCore.ts';
import type { Route } from './httpApp.ts';
import { deviceIdParams, errorSchema, simPlugBody } from './schemas.ts';

const simDevice = z.object({ deviceId: z.string(), serial: z.string() });

/**
 * Virtual keys: plug, unplug, reinsert, block the PIN, touch. Registered only when simulation is on, so the
 * routes are 404 on a gateway with real keys only.
 */
export function simulationRoutes(route: Route, core: GatewayCore): void {
  const sim = core.simulation;
  if (!sim) return;
  route(
    {
      method: 'get',
      path: '/simulation/devices',
      summary: 'Virtual keys',
      permission: 'device:read',
      responses: { 200: z.object({ devices: z.array(simDevice.loose()) }) },
    },
    async () => ({ body: { devices: sim.list() } }),
  );
  route(
    {
      method: 'post',
      path: '/simulation/devices',
      summary: 'Plug in a virtual key',
      permission: 'device:configure',
      body: simPlugBody,
      responses: { 201: simDevice },
    },
    async ({ body }) => ({
      status: 201,
      body: await sim.plug({
        profile: body.profile,
        ...(body.serial ? { serial: body.serial } : {}),
      }),
    }),
  );
  route(
    {
      method: 'delete',
      path: '/simulation/devices/:id',
      summary: 'Unplug a virtual key',
      permission: 'device:configure',
      params: deviceIdParams,
      responses: { 204: z.null(), 404: errorSchema },
    },
    async ({ params, res }) => {
      await sim.unplug(params.id);
      res.status(204).end();
      return undefined;
    },
  );
  route(
    {
      method: 'post',
      path: '/simulation/devices/:id/reinsert',
      summary: 'Pull a virtual key out and plug it back in',
      permission: 'device:configure',
      params: deviceIdParams,
      responses: { 200: z.object({ deviceId: z.string() }), 404: errorSchema },
    },
    async ({ params }) => ({ body: await sim.reinsert(params.id) }),
  );
  route(
    {
      method: 'post',
      path: '/simulation/devices/:id/block-pin',
      summary: 'Run a virtual key’s PIN retries out, as repeated wrong PINs would (it is LOCKED)',
      permission: 'device:configure',
      params: deviceIdParams,
      responses: { 200: z.object({ deviceId: z.string() }), 404: errorSchema },
    },
    async ({ params }) => ({ body: await sim.blockPin(params.id) }),
  );
  // The user's side of a help-desk remote unlock (their local tool shows the challenge and takes
  // the response they are read); the console's side is the policy service's unlock-response.
  route(
    {
      method: 'post',
      path: '/simulation/devices/:id/unlock-challenge',
      summary: 'Start a help-desk remote unlock on a virtual key: the challenge it shows (hex)',
      permission: 'device:configure',
      params: deviceIdParams,
      body: z.object({ newPin: z.string().min(4).max(63) }),
      responses: { 200: z.object({ challenge: z.string() }), 404: errorSchema },
    },
    async ({ params, body }) => ({
      body: { challenge: await sim.unlockChallenge(params.id, body.newPin) },
    }),
  );
  route(
    {
      method: 'post',
      path: '/simulation/devices/:id/unlock-answer',
      summary: 'Give a virtual key the response read back (hex); 409 when the key refuses it',
      permission: 'device:configure',
      params: deviceIdParams,
      body: z.object({ response: z.string().regex(/^[0-9a-fA-F]{32}$/) }),
      responses: {
        200: z.object({ pinRetries: z.number() }),
        404: errorSchema,
        409: errorSchema,
      },
    },
    async ({ params, body }) => ({ body: await sim.unlockAnswer(params.id, body.response) }),
  );
  route(
    {
      method: 'post',
      path: '/simulation/devices/:id/touch',
      summary:
        'Touch a virtual key when it asks for a touch (user presence; waits up to 10 s, else 504)',
      permission: 'device:configure',
      params: deviceIdParams,
      responses: { 204: z.null(), 404: errorSchema, 504: errorSchema },
    },
    async ({ params, res }) => {
      await sim.touch(params.id);
      res.status(204).end();
      return undefined;
    },
  );
}
