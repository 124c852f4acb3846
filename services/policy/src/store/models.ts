import { type Connection, Schema } from 'mongoose';
import type { SealedSecret, VaultKind } from '../domain/vault/vaultCrypto.ts';

// Collections of the policy database. Indexes are created explicitly at start (autoIndex off);
// nothing relies on multi-document transactions (FerretDB has none).

/** The current version of each policy (the "head"); `version` guards concurrent updates. */
export interface PolicyHeadDoc {
  _id: string;
  name: string;
  version: number;
  content: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

/** Every version ever written, kept after updates and deletes (devices reference versions). */
export interface PolicyVersionDoc {
  policyId: string;
  version: number;
  name: string;
  content: Record<string, unknown>;
  createdAt: Date;
  createdBy: string;
  /** Set on the version row of a deleted policy's last version. */
  deletedAt?: Date;
}

/** One sealed secret per (serial, kind). */
export interface VaultRecordDoc {
  serial: string;
  kind: VaultKind;
  /** The secret in effect; absent while a first secret is only staged. */
  sealed?: SealedSecret;
  policyId?: string;
  aaguid?: string;
  /** A secret staged until the key accepts it (issue 19); `sealed` is untouched until then. */
  pending?: { sealed: SealedSecret; policyId?: string; aaguid?: string; stagedAt: Date };
  createdAt: Date;
  updatedAt: Date;
}

/** A key linked to a policy ahead of configuration (READY): one link per serial. */
export interface DeviceLinkDoc {
  _id: string;
  policyId: string;
  policyVersion: number;
  linkedAt: Date;
  linkedBy: string;
}

/** The last good MDS BLOB (raw JWS) and the last rejection. */
export interface MdsCacheDoc {
  _id: string;
  blob?: string;
  no?: number;
  nextUpdate?: string;
  loadedAt?: Date;
  lastError?: { check: string; message: string; at: Date };
}

export function defineModels(connection: Connection) {
  const head = new Schema<PolicyHeadDoc>(
    {
      _id: { type: String, required: true },
      name: { type: String, required: true },
      version: { type: Number, required: true },
      content: { type: Schema.Types.Mixed, required: true },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
      updatedBy: { type: String, required: true },
    },
    { versionKey: false, minimize: false },
  );
  head.index({ name: 1 }, { unique: true });

  const version = new Schema<PolicyVersionDoc>(
    {
      policyId: { type: String, required: true },
      version: { type: Number, required: true },
      name: { type: String, required: true },
      content: { type: Schema.Types.Mixed, required: true },
      createdAt: { type: Date, required: true },
      createdBy: { type: String, required: true },
      deletedAt: { type: Date },
    },
    { versionKey: false, minimize: false },
  );
  version.index({ policyId: 1, version: 1 }, { unique: true });

  const vault = new Schema<VaultRecordDoc>(
    {
      serial: { type: String, required: true },
      kind: { type: String, required: true },
      sealed: { type: Schema.Types.Mixed },
      policyId: { type: String },
      aaguid: { type: String },
      pending: { type: Schema.Types.Mixed },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
    },
    { versionKey: false },
  );
  vault.index({ serial: 1, kind: 1 }, { unique: true });

  const mds = new Schema<MdsCacheDoc>(
    {
      _id: { type: String, required: true },
      blob: { type: String },
      no: { type: Number },
      nextUpdate: { type: String },
      loadedAt: { type: Date },
      lastError: { type: Schema.Types.Mixed },
    },
    { versionKey: false },
  );

  const link = new Schema<DeviceLinkDoc>(
    {
      _id: { type: String, required: true },
      policyId: { type: String, required: true },
      policyVersion: { type: Number, required: true },
      linkedAt: { type: Date, required: true },
      linkedBy: { type: String, required: true },
    },
    { versionKey: false },
  );
  link.index({ policyId: 1, _id: 1 });

  return {
    PolicyHead: connection.model<PolicyHeadDoc>('PolicyHead', head, 'policies'),
    PolicyVersion: connection.model<PolicyVersionDoc>('PolicyVersion', version, 'policy_versions'),
    VaultRecord: connection.model<VaultRecordDoc>('VaultRecord', vault, 'vault'),
    MdsCache: connection.model<MdsCacheDoc>('MdsCache', mds, 'mds_cache'),
    DeviceLink: connection.model<DeviceLinkDoc>('DeviceLink', link, 'device_links'),
  };
}

export type Models = ReturnType<typeof defineModels>;

/** Creates the unique indexes; call once at start. */
export async function ensureIndexes(models: Models): Promise<void> {
  await Promise.all(Object.values(models).map((m) => m.createIndexes()));
}

/** Duplicate-key error from the MongoDB wire protocol (code 11000). */
export function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
