import type { AuditContent } from '../domain/audit/types.ts';
import type { ReportingModels } from './models.ts';
import { isDuplicateKey } from './mongoErrors.ts';

export interface InsertAuditRecordOptions {
  models: ReportingModels;
  record: AuditContent;
  now?: Date;
}

/**
 * Stores a record once per event id: an upsert that only ever inserts, so a redelivered or
 * re-published event finds the first copy and changes nothing. `inserted` is false then.
 */
export async function insertAuditRecord({
  models,
  record,
  now = new Date(),
}: InsertAuditRecordOptions): Promise<{ inserted: boolean }> {
  try {
    const result = await models.audit.updateOne(
      { eventId: record.eventId },
      { $setOnInsert: { ...record, recordedAt: now } },
      { upsert: true },
    );
    return { inserted: result.upsertedCount === 1 };
  } catch (error) {
    if (isDuplicateKey(error)) return { inserted: false };
    throw error;
  }
}
