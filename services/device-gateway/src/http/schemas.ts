import { deviceStatusSchema, policyRequests, userRef } from '@keyward/contracts';
import { z } from 'zod';
import { DEVICE_ACTIONS } from '../domain/deviceActions.ts';

/** REST schemas of the gateway (request validation, responses and /openapi.json). */

export const deviceIdParams = z.object({ id: z.string().min(1) });
export const sessionIdParams = z.object({ id: z.string().min(1) });
const boolQuery = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
export const expandQuery = z.object({ expand: boolQuery });
export const waitQuery = z.object({ wait: boolQuery });

const nullableString = z.string().nullable();
const nullableInt = z.number().int().nullable();

/** A key as GET /devices lists it; `actions` are the operations the caller may start now. */
export const deviceViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    serial: z.string(),
    status: deviceStatusSchema,
    statusLabel: z.string(),
    flags: z.object({ locked: z.boolean(), busy: z.boolean(), interrupted: z.boolean() }),
    unknownFields: z.array(z.string()),
    actions: z.array(z.enum(DEVICE_ACTIONS)),
    heldBy: z.object({ actor: z.string(), operation: z.string(), since: z.string() }).optional(),
  })
  .loose();

/** The detail columns of `?expand=true` and GET /devices/{id}; names are null when unknown. */
const deviceDetailShape = {
  aaguid: z.string(),
  versions: z.array(z.string()),
  deviceType: z.string(),
  transport: z.string(),
  keyKind: z.enum(['standard', 'enterprise']),
  simulated: z.boolean(),
  user: userRef.nullable(),
  idpId: nullableString,
  idp: z.object({ id: z.string(), name: nullableString }).nullable(),
  policy: z.object({ id: z.string(), version: nullableInt, name: nullableString }).nullable(),
  pinSet: z.boolean(),
  pinRetries: nullableInt,
  adminPinRetries: nullableInt,
  minPinLength: nullableInt,
  enterpriseAttestation: z.boolean().nullable(),
  alwaysUv: z.boolean().nullable(),
  attachedAt: z.string(),
};
export const deviceDetailSchema = deviceViewSchema.extend(deviceDetailShape).loose();
export const stockedSchema = z.object({ serial: z.string(), status: z.literal('IN_STOCK') });
/** The list: summaries, or with `?expand=true` the detail columns too. */
export const deviceListSchema = z.object({
  gatewayId: z.string(),
  devices: z.array(deviceViewSchema.extend(z.object(deviceDetailShape).partial().shape).loose()),
});

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const keyRunSchema = z
  .object({
    deviceId: z.string(),
    serial: z.string(),
    aaguid: z.string(),
    state: z.string(),
    completedSteps: z.array(z.string()),
  })
  .loose();
export const sessionSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    mode: z.string(),
    state: z.string(),
    keys: z.array(keyRunSchema),
  })
  .loose();
export const operationResultSchema = z
  .object({ sessionId: z.string(), run: keyRunSchema.optional(), result: z.unknown().optional() })
  .loose();

/**
 * Responses of a single-key operation: 202 started, or with ?wait=true 200 and the result or the
 * key's typed failure (422 CTAP_ERROR / UNSUPPORTED / DEVICE_NOT_ALLOWED, 504 TIMEOUT, 409 busy
 * or gone). 400, 401, 403, 404 and 500 are added to every route by the OpenAPI builder.
 */
export const operationResponses = {
  200: operationResultSchema,
  202: operationResultSchema,
  409: errorSchema,
  422: errorSchema,
  504: errorSchema,
};

export const configureBody = z.object({ policyId: z.string().min(1) });
/**
 * `{policyId, deviceIds}` (selected) or `{policyId, mode}` (all connected / continuous); with
 * neither, all connected keys — or, when none is connected, every key plugged in from now on.
 */
export const sessionConfigureBody = z
  .object({
    policyId: z.string().min(1),
    deviceIds: z.array(z.string().min(1)).min(1).optional(),
    mode: z.enum(['stop-when-done', 'continuous']).optional(),
  })
  .refine((b) => b.deviceIds === undefined || b.mode === undefined, {
    message: 'give "deviceIds" (selected keys) or "mode" (stop-when-done | continuous), not both',
    path: ['mode'],
  });
export const applyLinkedBody = z.object({}).loose();
export const assignBody = z.object({
  idpId: z.string().min(1).optional(),
  user: z.string().min(1),
  notifyUser: z.boolean().optional(),
});
/** Assign's body plus the policy; a READY key's linked policy when `policyId` is left out. */
export const configureAndAssignBody = assignBody.extend({ policyId: z.string().min(1).optional() });
/** Admin-PIN unlock (`adminPin`) or remote challenge/response; new PIN generated or chosen. */
export const unlockBody = z
  .object({
    method: z.enum(['admin-pin', 'remote']).default('admin-pin'),
    adminPin: z.string().min(4).max(63).optional(),
    pinSource: z.enum(['generated', 'chosen']),
    newPin: z.string().min(4).max(63).optional(),
  })
  .refine((b) => b.method !== 'admin-pin' || b.adminPin !== undefined, {
    message: 'Required for method "admin-pin"',
    path: ['adminPin'],
  })
  .refine((b) => (b.pinSource === 'chosen') === (b.newPin !== undefined), {
    message: 'give newPin exactly when pinSource is "chosen"',
    path: ['newPin'],
  });
export const resetBody = z.object({ adminPin: z.string().min(4).max(63).optional() });
export const reportSchema = z.object({
  sessionId: z.string(),
  rows: z.array(
    z.object({
      serial: z.string(),
      aaguid: z.string(),
      policy: z.string(),
      user: z.string(),
      outcome: z.string(),
      error: z.string(),
      started: z.string(),
      finished: z.string(),
    }),
  ),
});
export const reportQuery = z.object({ format: z.enum(['csv', 'json']).default('json') });
export const simPlugBody = z.object({
  profile: z.enum(['generic', 'enterprise', 'ctap20', 'nfc-only']).default('generic'),
  serial: z.string().min(1).max(64).optional(),
});
/** A chosen new PIN to check before unlocking with it. */
export const pinCheckBody = z.object({ pin: z.string().min(1).max(63) });
export const pinCheckSchema = policyRequests.pinCheck.reply;

export const pinViewSchema = z.object({
  userPin: z.string().optional(),
  adminPin: z.string().optional(),
});
