import { type Connection, type Model, Schema } from 'mongoose';
import type { AuditRecord, ChainAnchor, ChainLink } from '../domain/audit/types.ts';
import type { InventoryRecord } from '../domain/inventory/types.ts';

/**
 * Stored audit record: the domain record plus when this service first stored it. `_id` is the
 * event id: the idempotency key, and the one key FerretDB (SQLite) looks up without a scan.
 */
export interface AuditDoc extends AuditRecord {
  _id: string;
  recordedAt: Date;
}

/** Where a partition's head was last seen; a hint to start probing slots from, never trusted. */
export interface ChainHintDoc {
  _id: string;
  index: number;
}

/**
 * One link of a partition's chain, `_id` = "<partition>:<index>": the record's hash and its
 * predecessor's. Claiming a position is an insert, and the unique `_id` makes it atomic on
 * MongoDB and FerretDB alike (conditional updates are not atomic on FerretDB 1.x). Records stay
 * immutable; the newest slot is the head (docs/adr/0002-audit-chain.md).
 */
export interface ChainSlotDoc extends ChainLink {
  _id: string;
  partition: string;
  eventId: string;
}

/** Which chain position an event holds (`_id` = event id): how a redelivery finds it is linked. */
export interface ChainMemberDoc {
  _id: string;
  partition: string;
  index: number;
}

/** Where a partition's verification starts once the retention purge removed older records. */
export interface ChainAnchorDoc extends ChainAnchor {
  _id: string;
}

export interface InventoryDoc extends InventoryRecord {
  _id: string;
  /** Optimistic-concurrency revision: every write is a compare-and-set on it. */
  rev: number;
  updatedAt: Date;
}

/** Last frame the SIEM collector accepted (JetStream keeps the real position; this is for status). */
export interface SiemPositionDoc {
  _id: string;
  streamSeq: number;
  eventId: string;
  forwardedAt: Date;
  forwarded: number;
}

const auditSchema = new Schema(
  {
    _id: String,
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    source: String,
    subject: { type: String, default: null },
    time: { type: Date, required: true },
    actor: String,
    dataJson: String,
    serial: { type: String, default: null },
    user: { type: String, default: null },
    gatewayId: { type: String, default: null },
    partition: { type: String, required: true },
    streamSeq: Number,
    signer: { type: String, default: null },
    recordedAt: Date,
  },
  { versionKey: false, minimize: false, autoIndex: false },
);
auditSchema.index({ time: -1, eventId: -1 });
for (const key of ['type', 'actor', 'serial', 'user', 'gatewayId'] as const) {
  auditSchema.index({ [key]: 1, time: -1, eventId: -1 });
}

const slotSchema = new Schema(
  {
    _id: String,
    partition: String,
    index: Number,
    prevHash: String,
    hash: String,
    eventId: String,
  },
  { versionKey: false, autoIndex: false },
);

const memberSchema = new Schema(
  { _id: String, partition: String, index: Number },
  { versionKey: false, autoIndex: false },
);

const hintSchema = new Schema(
  { _id: String, index: Number },
  { versionKey: false, autoIndex: false },
);

const anchorSchema = new Schema(
  { _id: String, index: Number, hash: String },
  { versionKey: false, autoIndex: false },
);

const inventorySchema = new Schema(
  {
    _id: String,
    serial: String,
    aaguid: { type: String, default: null },
    status: String,
    lifecycleStatus: String,
    policyId: { type: String, default: null },
    policyVersion: { type: Number, default: null },
    linkedPolicyId: { type: String, default: null },
    linkedPolicyVersion: { type: Number, default: null },
    user: { type: Schema.Types.Mixed, default: null },
    idpId: { type: String, default: null },
    enrollmentId: { type: String, default: null },
    credentialId: { type: String, default: null },
    lastSeen: { type: Schema.Types.Mixed, default: null },
    locked: Boolean,
    history: { type: [Schema.Types.Mixed], default: [] },
    versions: { type: Schema.Types.Mixed, default: {} },
    rev: Number,
    updatedAt: Date,
  },
  { versionKey: false, minimize: false, autoIndex: false },
);
inventorySchema.index({ status: 1, serial: 1 });
inventorySchema.index({ policyId: 1, serial: 1 });
inventorySchema.index({ aaguid: 1, serial: 1 });
inventorySchema.index({ 'user.id': 1, serial: 1 });
// The dashboard's counts (summarizeInventory.ts).
inventorySchema.index({ idpId: 1, serial: 1 });
inventorySchema.index({ locked: 1 });

const siemSchema = new Schema(
  { _id: String, streamSeq: Number, eventId: String, forwardedAt: Date, forwarded: Number },
  { versionKey: false, autoIndex: false },
);

export const COLLECTIONS = {
  audit: 'audit_records',
  chainSlots: 'audit_chain_slots',
  chainAnchors: 'audit_chain_anchors',
  chainHints: 'audit_chain_hints',
  chainMembers: 'audit_chain_members',
  inventory: 'inventory',
  siem: 'siem_positions',
} as const;

export interface ReportingModels {
  audit: Model<AuditDoc>;
  chainSlots: Model<ChainSlotDoc>;
  chainAnchors: Model<ChainAnchorDoc>;
  chainHints: Model<ChainHintDoc>;
  chainMembers: Model<ChainMemberDoc>;
  inventory: Model<InventoryDoc>;
  siem: Model<SiemPositionDoc>;
}

export interface CreateModelsOptions {
  connection: Connection;
  /** Inventory collection name; the rebuild command writes a fresh one. Default "inventory". */
  inventoryCollection?: string;
}

/** Models bound to one connection; `syncIndexes` is left to {@link ensureIndexes}. */
export function createModels({
  connection,
  inventoryCollection = COLLECTIONS.inventory,
}: CreateModelsOptions): ReportingModels {
  // Reuse a model already compiled on this connection (mongoose refuses to compile one twice).
  const model = <T>(name: string, schema: Schema, collection: string): Model<T> =>
    (connection.models[name] ?? connection.model(name, schema, collection)) as unknown as Model<T>;
  return {
    audit: model<AuditDoc>('AuditRecord', auditSchema, COLLECTIONS.audit),
    chainSlots: model<ChainSlotDoc>('AuditChainSlot', slotSchema, COLLECTIONS.chainSlots),
    chainAnchors: model<ChainAnchorDoc>('AuditChainAnchor', anchorSchema, COLLECTIONS.chainAnchors),
    chainHints: model<ChainHintDoc>('AuditChainHint', hintSchema, COLLECTIONS.chainHints),
    chainMembers: model<ChainMemberDoc>('AuditChainMember', memberSchema, COLLECTIONS.chainMembers),
    inventory: model<InventoryDoc>(
      `Inventory_${inventoryCollection}`,
      inventorySchema,
      inventoryCollection,
    ),
    siem: model<SiemPositionDoc>('SiemPosition', siemSchema, COLLECTIONS.siem),
  };
}

/** Creates every index (idempotent); call once at start-up. */
export async function ensureIndexes(models: ReportingModels): Promise<void> {
  await Promise.all(Object.values(models).map((m: Model<unknown>) => m.createIndexes()));
}
