import { KeywardError } from '@keyward/contracts';
import type { QueryFilter } from 'mongoose';
import type { ReportedEvent } from '../domain/audit/types.ts';
import { applyInventoryEvent } from '../domain/inventory/applyInventoryEvent.ts';
import type { DeviceStatus, InventoryRecord } from '../domain/inventory/types.ts';
import type { InventoryDoc, ReportingModels } from './models.ts';
import { isDuplicateKey } from './mongoErrors.ts';

export type ProjectResult =
  | { changed: true; serial: string; device: InventoryRecord }
  | { changed: false; serial: string | null };

export interface ProjectInventoryEventOptions {
  models: ReportingModels;
  event: ReportedEvent;
  now?: Date;
  maxAttempts?: number;
}

/**
 * Applies one event to its device document: read, reduce (pure), write the whole document back
 * (one single-document write). The reducer is order-tolerant and idempotent, so redelivery is
 * harmless; concurrent writers are excluded by the consumer (one event in flight).
 */
export async function projectInventoryEvent({
  models,
  event,
  now = new Date(),
  maxAttempts = 50,
}: ProjectInventoryEventOptions): Promise<ProjectResult> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const serial = serialFor(event);
    if (!serial) return { changed: false, serial: null };
    const current = await models.inventory.findById(serial).lean<InventoryDoc>();
    const result = applyInventoryEvent(current ? toRecord(current) : null, event);
    if (!result.changed) return { changed: false, serial: result.serial };
    const doc = { ...result.device, updatedAt: now };
    if (!current) {
      try {
        await models.inventory.collection.insertOne({ _id: serial as never, ...doc, rev: 1 });
        return { changed: true, serial, device: result.device };
      } catch (error) {
        if (isDuplicateKey(error)) continue;
        throw error;
      }
    }
    // A whole-document replace by _id: FerretDB's conditional writes are neither atomic nor
    // cheap, so writers are kept apart by one event in flight on the audit durable
    // (docs/adr/0002-audit-chain.md); `rev` still counts the changes.
    const written = await models.inventory.collection.replaceOne(
      { _id: serial as never },
      { ...doc, rev: current.rev + 1 },
    );
    if (written.matchedCount === 1) return { changed: true, serial, device: result.device };
  }
  throw new KeywardError(
    'CONFLICT',
    `inventory: device document kept changing for ${maxAttempts} attempts`,
    {
      details: { eventId: event.id },
    },
  );
}

function serialFor(event: ReportedEvent): string | null {
  const probe = applyInventoryEvent(null, event);
  return probe.serial;
}

/** The domain record of a stored document (drops _id, rev, updatedAt). */
export function toRecord(doc: InventoryDoc): InventoryRecord {
  const { _id, rev, updatedAt, ...record } = doc;
  return record;
}

export interface InventoryFilter {
  /** One status, or any of several (the console's tabs). */
  status?: DeviceStatus | readonly DeviceStatus[] | undefined;
  policyId?: string | undefined;
  userId?: string | undefined;
  aaguid?: string | undefined;
  /** Prefix search: the serial (exact case), or the user's id, e-mail or name (any case). */
  q?: string | undefined;
}

export function inventoryQuery(filter: InventoryFilter): QueryFilter<InventoryDoc> {
  const query: Record<string, unknown> = {};
  if (typeof filter.status === 'string') query.status = filter.status;
  else if (filter.status) query.status = { $in: [...filter.status] };
  if (filter.policyId) query.policyId = filter.policyId;
  if (filter.userId) query['user.id'] = filter.userId;
  if (filter.aaguid) query.aaguid = filter.aaguid;
  if (filter.q) {
    const prefix = `^${filter.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    const user = { $regex: prefix, $options: 'i' };
    query.$or = [
      { serial: { $regex: prefix } },
      { 'user.id': user },
      { 'user.email': user },
      { 'user.displayName': user },
    ];
  }
  return query as QueryFilter<InventoryDoc>;
}

export interface SearchInventoryOptions {
  models: ReportingModels;
  filter: InventoryFilter;
  limit?: number;
  /** The last serial of the previous page. */
  after?: string | undefined;
}

/** Keyset pagination by serial. */
export async function searchInventory({
  models,
  filter,
  limit = 100,
  after,
}: SearchInventoryOptions) {
  const query = inventoryQuery(filter) as Record<string, unknown>;
  if (after) query._id = { $gt: after };
  const docs = await models.inventory
    .find(query)
    .sort({ _id: 1 })
    .limit(limit + 1)
    .lean<InventoryDoc[]>();
  const items = docs.slice(0, limit).map(toRecord);
  return { items, nextCursor: docs.length > limit ? (items.at(-1)?.serial ?? null) : null };
}

/** Every matching device in serial order, as a cursor (exports and rebuild comparison). */
export async function* streamInventory(
  models: ReportingModels,
  filter: InventoryFilter = {},
): AsyncGenerator<InventoryRecord> {
  const cursor = models.inventory
    .find(inventoryQuery(filter))
    .sort({ _id: 1 })
    .lean<InventoryDoc[]>()
    .cursor();
  try {
    for await (const doc of cursor) yield toRecord(doc as InventoryDoc);
  } finally {
    await cursor.close();
  }
}

export async function getInventory(
  models: ReportingModels,
  serials: readonly string[],
): Promise<InventoryRecord[]> {
  const docs = await models.inventory.find({ _id: { $in: [...serials] } }).lean<InventoryDoc[]>();
  return docs.map(toRecord);
}
