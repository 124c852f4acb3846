import { z } from 'zod';
import { defineEvent, defineRequest } from '../define.ts';
import { SUBJECTS } from '../subjects.ts';
import {
  aaguidSchema,
  deviceStatusSchema,
  deviceTypeSchema,
  gatewayIdSchema,
  serialSchema,
  transportSchema,
  userRef,
} from './common.ts';

// Owner: GATEWAY. Gateway requests are per instance: `keyward.gateway.<gatewayId>.<verb>`;
// use forInstance(gatewayRequests.x, gatewayId) to address one.

export const gatewayEvents = {
  announced: defineEvent(
    'keyward.gateway.announced',
    z.object({
      gatewayId: gatewayIdSchema,
      host: z.string(),
      version: z.string(),
      restUrl: z.string().optional(),
      simulation: z.boolean().default(false),
    }),
    { description: 'A gateway started and is ready to take operations.' },
  ),
  stopped: defineEvent(
    'keyward.gateway.stopped',
    z.object({ gatewayId: gatewayIdSchema, reason: z.string().optional() }),
    { description: 'A gateway shut down cleanly.' },
  ),
} as const;

export const gatewayDeviceSummarySchema = z.object({
  deviceId: z.string(),
  serial: serialSchema,
  aaguid: aaguidSchema,
  name: z.string(),
  transport: transportSchema,
  deviceType: deviceTypeSchema,
  status: deviceStatusSchema.optional(),
  busy: z.boolean(),
  locked: z.boolean().optional(),
});

export const gatewayRequests = {
  devices: defineRequest(
    `${SUBJECTS.GATEWAY_PREFIX}.*.devices`,
    z.object({}),
    z.object({ gatewayId: gatewayIdSchema, devices: z.array(gatewayDeviceSummarySchema) }),
    { description: 'Lists the keys attached to one gateway.' },
  ),
  provision: defineRequest(
    `${SUBJECTS.GATEWAY_PREFIX}.*.provision`,
    z.object({
      deviceId: z.string(),
      policyId: z.string(),
      user: userRef,
      idpId: z.string().optional(),
      requestId: z.string().optional(),
    }),
    z.object({
      sessionId: z.string(),
      serial: serialSchema,
      aaguid: aaguidSchema,
      credentialId: z.string(),
    }),
    { description: 'Configures and enrolls one key for a user (printer encoder runs).' },
  ),
} as const;
