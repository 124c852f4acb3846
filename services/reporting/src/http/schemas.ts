import { deviceStatusSchema, userRef } from '@keyward/contracts';
import { z } from 'zod';
import type { AuditDoc } from '../store/models.ts';

const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const limit = z.coerce.number().int().min(1).max(1000).default(100);

export const auditQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  type: z.string().min(1).optional(),
  actor: z.string().min(1).optional(),
  serial: z.string().min(1).optional(),
  user: z.string().min(1).optional(),
  gatewayId: z.string().min(1).optional(),
  limit,
  cursor: z.string().min(1).optional(),
});

export const auditRecordSchema = z.object({
  eventId: z.string(),
  type: z.string(),
  source: z.string(),
  subject: z.string().nullable(),
  time: z.string(),
  actor: z.string(),
  data: z.unknown(),
  serial: z.string().nullable(),
  user: z.string().nullable(),
  gatewayId: z.string().nullable(),
  partition: z.string(),
  streamSeq: z.number(),
  /** The bus identity that signed the event (null for records from before signing). */
  signer: z.string().nullable(),
  recordedAt: z.string(),
});

export function toAuditRecordBody(doc: AuditDoc): z.input<typeof auditRecordSchema> {
  return {
    eventId: doc.eventId,
    type: doc.type,
    source: doc.source,
    subject: doc.subject ?? null,
    time: doc.time.toISOString(),
    actor: doc.actor,
    data: JSON.parse(doc.dataJson) as unknown,
    serial: doc.serial ?? null,
    user: doc.user ?? null,
    gatewayId: doc.gatewayId ?? null,
    partition: doc.partition,
    streamSeq: doc.streamSeq,
    signer: doc.signer ?? null,
    recordedAt: doc.recordedAt.toISOString(),
  };
}

export const chainVerdictSchema = z.object({
  partition: z.string(),
  ok: z.boolean(),
  checked: z.number().int(),
  headIndex: z.number().int().optional(),
  broken: z
    .object({
      reason: z.enum([
        'HASH_MISMATCH',
        'PREV_HASH_MISMATCH',
        'MISSING_RECORD',
        'DUPLICATE_INDEX',
        'HEAD_MISMATCH',
      ]),
      index: z.number().int(),
      eventId: z.string().nullable(),
      message: z.string(),
    })
    .optional(),
});

export const inventoryQuerySchema = z.object({
  /** `status=ENROLLED`, or repeated (`status=CONFIGURED&status=ENROLLED`) for any of several. */
  status: z.union([deviceStatusSchema, z.array(deviceStatusSchema).min(1)]).optional(),
  policyId: z.string().min(1).optional(),
  userId: z.string().min(1).optional(),
  aaguid: z.string().min(1).optional(),
  q: z.string().min(1).max(128).optional(),
  limit,
  cursor: z.string().min(1).optional(),
});

export const inventoryRecordSchema = z.object({
  serial: z.string(),
  aaguid: z.string().nullable(),
  status: deviceStatusSchema,
  lifecycleStatus: deviceStatusSchema,
  policyId: z.string().nullable(),
  policyVersion: z.number().nullable(),
  linkedPolicyId: z.string().nullable(),
  linkedPolicyVersion: z.number().nullable(),
  user: userRef.nullable(),
  idpId: z.string().nullable(),
  enrollmentId: z.string().nullable(),
  credentialId: z.string().nullable(),
  lastSeen: z.object({ gatewayId: z.string(), at: z.string() }).nullable(),
  locked: z.boolean(),
  history: z.array(
    z.object({ eventId: z.string(), type: z.string(), time: z.string(), actor: z.string() }),
  ),
});

const count = z.number().int().min(0);

/** GET /inventory/summary: every status is a key (zeros included), so clients get typed keys. */
export const inventorySummarySchema = z.object({
  total: count,
  byStatus: z.object({
    NOT_CONFIGURED: count,
    READY: count,
    CONFIGURED: count,
    IN_STOCK: count,
    ENROLLED: count,
    REVOKED: count,
  }) satisfies z.ZodType<Record<z.infer<typeof deviceStatusSchema>, number>>,
  locked: count,
  enrolledUsers: count,
  /** `users`: distinct users holding a key of the policy. */
  byPolicy: z.array(z.object({ policyId: z.string().nullable(), count, users: count })),
  byIdp: z.array(z.object({ idpId: z.string().nullable(), count })),
});

export const formatSchema = z.enum(['csv', 'json']).default('csv');

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
