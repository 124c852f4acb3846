import { KeywardError } from '@keyward/contracts';
import type { HttpApp } from '@keyward/service-kit';
import { z } from 'zod';
import { listPartitions } from '../store/chainSlots.ts';
import type { AuditDoc, ReportingModels } from '../store/models.ts';
import { queryAudit } from '../store/queryAudit.ts';
import { verifyPartition } from '../store/verifyPartition.ts';
import {
  auditQuerySchema,
  auditRecordSchema,
  chainVerdictSchema,
  errorResponseSchema,
  toAuditRecordBody,
} from './schemas.ts';

/** Audit trail: query (newest first, cursor paged), one record, and chain verification. */
export function registerAuditRoutes(http: HttpApp, models: ReportingModels): void {
  http.route(
    {
      method: 'get',
      path: '/audit',
      summary: 'Query the audit trail by time range, type, actor, serial, user or gateway',
      tags: ['audit'],
      permission: 'audit:read',
      query: auditQuerySchema,
      responses: {
        200: z.object({ items: z.array(auditRecordSchema), nextCursor: z.string().nullable() }),
        400: errorResponseSchema,
      },
    },
    async ({ query }) => {
      const { limit, cursor, ...filter } = query;
      const page = await queryAudit({ models, filter, limit, cursor });
      return { items: page.items.map(toAuditRecordBody), nextCursor: page.nextCursor };
    },
  );

  http.route(
    {
      method: 'get',
      path: '/audit/verify',
      summary:
        'Verify the tamper-evidence chain of one partition or all; points at the first broken link',
      tags: ['audit'],
      permission: 'audit:read',
      query: z.object({ partition: z.string().min(1).optional() }),
      responses: { 200: z.object({ ok: z.boolean(), partitions: z.array(chainVerdictSchema) }) },
    },
    async ({ query }) => {
      const partitions = query.partition ? [query.partition] : await listPartitions(models);
      const verdicts = [];
      for (const partition of partitions)
        verdicts.push(await verifyPartition({ models, partition }));
      return { ok: verdicts.every((v) => v.ok), partitions: verdicts };
    },
  );

  http.route(
    {
      method: 'get',
      path: '/audit/:eventId',
      summary: 'One audit record by event id',
      tags: ['audit'],
      permission: 'audit:read',
      params: z.object({ eventId: z.string().min(1) }),
      responses: { 200: auditRecordSchema, 404: errorResponseSchema },
    },
    async ({ params }) => {
      const doc = await models.audit.findById(params.eventId).lean<AuditDoc>();
      if (!doc) throw new KeywardError('NOT_FOUND', `no audit record for event ${params.eventId}`);
      return toAuditRecordBody(doc);
    },
  );
}
