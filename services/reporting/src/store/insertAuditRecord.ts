import type { AuditContent } from '../domain/audit/types.ts';
import type { ReportingModels } from './models.ts';
import { isDuplicateKey } from './mongoErrors.ts';

export interface InsertAuditRecordOptions {
  models: ReportingModels;
  record: AuditContent;
  now?: Date;
}

/**
 * Stores a record once per event id: an insert keyed by `_id` = event id, so a redelivered or
 * re-published event hits the first copy (duplicate key) and changes nothing; `inserted` is
 * false then.
 */
export async function insertAuditRecord({
  models,
  record,
  now = new Date(),
}: InsertAuditRecordOptions): Promise<{ inserted: boolean }> {
  try {
    await models.audit.collection.insertOne({
      _id: record.eventId as never,
      ...record,
      recordedAt: now,
    });
    return { inserted: true };
  } catch (error) {
    if (isDuplicateKey(error)) return { inserted: false };
    throw error;
  }
}
