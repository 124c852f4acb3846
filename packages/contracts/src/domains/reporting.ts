import { z } from 'zod';
import { defineEvent, defineRequest } from '../define.ts';
import { SUBJECTS } from '../subjects.ts';
import {
  aaguidSchema,
  deviceStatusSchema,
  gatewayIdSchema,
  serialSchema,
  userRef,
} from './common.ts';

// Owner: REPORTING. The device inventory projection and report downloads.

export const inventoryDeviceSchema = z.object({
  serial: serialSchema,
  aaguid: aaguidSchema,
  status: deviceStatusSchema,
  policyId: z.string().optional(),
  policyVersion: z.number().int().min(1).optional(),
  user: userRef.optional(),
  idpId: z.string().optional(),
  credentialId: z.string().optional(),
  lastSeen: z
    .object({ gatewayId: gatewayIdSchema, at: z.iso.datetime({ offset: true }) })
    .optional(),
  locked: z.boolean().optional(),
});
export type InventoryDevice = z.infer<typeof inventoryDeviceSchema>;

export const reportingEvents = {
  reportDownloaded: defineEvent(
    'keyward.report.downloaded',
    z.object({
      report: z.string(),
      format: z.enum(['csv', 'json']),
      rows: z.number().int().min(0),
      filter: z.record(z.string(), z.string()).default({}),
    }),
    { description: 'An administrator downloaded a report (audited act).' },
  ),
} as const;

export const reportingRequests = {
  inventoryGet: defineRequest(
    SUBJECTS.REPORTING_INVENTORY_GET,
    z.object({ serials: z.array(serialSchema).max(1000) }),
    z.object({ devices: z.array(inventoryDeviceSchema) }),
    { description: 'Inventory records of the given serials (unknown serials are omitted).' },
  ),
} as const;
