import type { ReportRecord } from '../domain/reports/types.ts';
import type { AuditDoc, ReportingModels } from './models.ts';

export interface StreamReportRecordsOptions {
  models: ReportingModels;
  types: readonly string[];
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Audit records of the given types, oldest first, as a cursor (constant memory). */
export async function* streamReportRecords({
  models,
  types,
  from,
  to,
}: StreamReportRecordsOptions): AsyncGenerator<ReportRecord> {
  const query: Record<string, unknown> = { type: { $in: [...types] } };
  if (from || to) query.time = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
  const cursor = models.audit.find(query).sort({ time: 1, eventId: 1 }).lean<AuditDoc[]>().cursor();
  try {
    for await (const raw of cursor) {
      const doc = raw as AuditDoc;
      yield {
        eventId: doc.eventId,
        type: doc.type,
        time: doc.time,
        actor: doc.actor,
        serial: doc.serial,
        gatewayId: doc.gatewayId,
        user: doc.user,
        data: JSON.parse(doc.dataJson) as Record<string, unknown>,
      };
    }
  } finally {
    await cursor.close();
  }
}
