import { KeywardError } from '@keyward/contracts';
import type { QueryFilter } from 'mongoose';
import type { AuditDoc, ReportingModels } from './models.ts';

export interface AuditFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  type?: string | undefined;
  actor?: string | undefined;
  serial?: string | undefined;
  user?: string | undefined;
  gatewayId?: string | undefined;
}

export interface QueryAuditOptions {
  models: ReportingModels;
  filter: AuditFilter;
  /** Page size; default 100. */
  limit?: number;
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor?: string | undefined;
}

export interface AuditPage {
  items: AuditDoc[];
  nextCursor: string | null;
}

interface CursorPosition {
  t: number;
  id: string;
}

/** Mongo filter for the query keys (every key has an index with time). */
export function auditQueryFilter(filter: AuditFilter): QueryFilter<AuditDoc> {
  const query: QueryFilter<AuditDoc> = {};
  for (const key of ['type', 'actor', 'serial', 'user', 'gatewayId'] as const) {
    if (filter[key] !== undefined) query[key] = filter[key];
  }
  if (filter.from || filter.to) {
    query.time = {
      ...(filter.from ? { $gte: filter.from } : {}),
      ...(filter.to ? { $lt: filter.to } : {}),
    };
  }
  return query;
}

export function encodeCursor(doc: Pick<AuditDoc, 'time' | 'eventId'>): string {
  return Buffer.from(JSON.stringify({ t: doc.time.getTime(), id: doc.eventId })).toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPosition;
    if (typeof parsed.t === 'number' && typeof parsed.id === 'string') return parsed;
  } catch {
    // fall through to the error below
  }
  throw new KeywardError('VALIDATION_FAILED', 'query.cursor: not a cursor this service issued', {
    details: { issues: [{ path: 'query.cursor', message: 'invalid cursor' }] },
  });
}

/**
 * Newest first, keyset pagination on (time, eventId): stable under concurrent inserts and
 * cheap at any depth (no skip).
 */
export async function queryAudit({
  models,
  filter,
  limit = 100,
  cursor,
}: QueryAuditOptions): Promise<AuditPage> {
  const query = auditQueryFilter(filter);
  if (cursor) {
    const { t, id } = decodeCursor(cursor);
    const at = new Date(t);
    query.$or = [{ time: { $lt: at } }, { time: at, eventId: { $lt: id } }];
  }
  const items = await models.audit
    .find(query, { _id: 0 })
    .sort({ time: -1, eventId: -1 })
    .limit(limit + 1)
    .lean<AuditDoc[]>();
  const page = items.slice(0, limit);
  const last = page.at(-1);
  return { items: page, nextCursor: items.length > limit && last ? encodeCursor(last) : null };
}
