import { type Connection, Schema } from 'mongoose';
import type { SealedSecret } from '../domain/vault/sealSecret.ts';

// Collections of the identity database. Indexes are created explicitly at start (autoIndex off);
// nothing relies on multi-document transactions (FerretDB has none): each write is one document.

export interface IdpConnectionDoc {
  _id: string;
  name: string;
  type: string;
  /** Non-secret settings (validated by idpSettingsSchema on the way in and out). */
  settings: Record<string, unknown>;
  /** Sealed secrets by field name. */
  secrets: Record<string, SealedSecret>;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** Singleton documents: `_id: 'defaultIdp'` → `{ idpId }`. One document, so atomic. */
export interface SettingDoc {
  _id: string;
  value: Record<string, unknown>;
}

export interface EnrollmentDoc {
  _id: string;
  idpId: string;
  user: Record<string, unknown>;
  serial: string;
  aaguid?: string;
  gatewayId?: string;
  status: string;
  publicKey: Record<string, unknown>;
  origin: string;
  providerState: Record<string, string>;
  createdAt: Date;
  expiresAt: Date;
  completingSince?: Date;
  credentialId?: string;
  idpCredentialId?: string;
  error?: Record<string, unknown>;
  notifyUser?: boolean;
  actor: string;
}

export interface CredentialDoc {
  _id: string;
  idpId: string;
  user: Record<string, unknown>;
  serial: string;
  aaguid?: string;
  idpCredentialId: string;
  enrollmentId: string;
  status: 'active' | 'revoked';
  registeredAt: Date;
  revokedAt?: Date;
  revokedReason?: string;
}

/**
 * A lock row (locks.ts): inserting `_id = <lock name>` takes the lock. A primary-key insert is atomic on
 * MongoDB and FerretDB alike, where a conditional update is not isolated on FerretDB/SQLite.
 */
export interface ClaimDoc {
  _id: string;
  at: Date;
}

/**
 * One row per IdP connection version, `_id = <idpId>:<version>`. An edit inserts the row for the
 * version it creates before it updates the connection, so of two concurrent edits from the same
 * version the primary key picks one winner (the conditional update alone does not, on FerretDB).
 */
export interface IdpRevisionDoc {
  _id: string;
  idpId: string;
  version: number;
  at: Date;
}

export interface UserMappingDoc {
  /** Lower-cased login / e-mail. */
  _id: string;
  idpId: string;
  createdAt: Date;
}

export interface ProvisioningRequestDoc {
  _id: string;
  name: string;
  policyId: string;
  idpId?: string;
  mode: string;
  users: Record<string, unknown>[];
  createdAt: Date;
  createdBy: string;
  completedAt?: Date;
  version: number;
}

const opts = { versionKey: false, minimize: false } as const;

export function defineModels(connection: Connection) {
  const idp = new Schema<IdpConnectionDoc>(
    {
      _id: { type: String, required: true },
      name: { type: String, required: true },
      type: { type: String, required: true },
      settings: { type: Schema.Types.Mixed, required: true },
      secrets: { type: Schema.Types.Mixed, required: true },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
      version: { type: Number, required: true },
    },
    opts,
  );
  idp.index({ name: 1 }, { unique: true });

  const setting = new Schema<SettingDoc>(
    { _id: { type: String, required: true }, value: { type: Schema.Types.Mixed, required: true } },
    opts,
  );

  const enrollment = new Schema<EnrollmentDoc>(
    {
      _id: { type: String, required: true },
      idpId: { type: String, required: true },
      user: { type: Schema.Types.Mixed, required: true },
      serial: { type: String, required: true },
      aaguid: String,
      gatewayId: String,
      status: { type: String, required: true },
      publicKey: { type: Schema.Types.Mixed, required: true },
      origin: { type: String, required: true },
      providerState: { type: Schema.Types.Mixed, required: true },
      createdAt: { type: Date, required: true },
      expiresAt: { type: Date, required: true },
      completingSince: Date,
      credentialId: String,
      idpCredentialId: String,
      error: Schema.Types.Mixed,
      notifyUser: Boolean,
      actor: { type: String, required: true },
    },
    opts,
  );
  enrollment.index({ status: 1, expiresAt: 1 });

  const credential = new Schema<CredentialDoc>(
    {
      _id: { type: String, required: true },
      idpId: { type: String, required: true },
      user: { type: Schema.Types.Mixed, required: true },
      serial: { type: String, required: true },
      aaguid: String,
      idpCredentialId: { type: String, required: true },
      enrollmentId: { type: String, required: true },
      status: { type: String, required: true },
      registeredAt: { type: Date, required: true },
      revokedAt: Date,
      revokedReason: String,
    },
    opts,
  );
  credential.index({ enrollmentId: 1 }, { unique: true });
  credential.index({ serial: 1 });

  const claim = new Schema<ClaimDoc>(
    { _id: { type: String, required: true }, at: { type: Date, required: true } },
    opts,
  );

  const idpRevision = new Schema<IdpRevisionDoc>(
    {
      _id: { type: String, required: true },
      idpId: { type: String, required: true },
      version: { type: Number, required: true },
      at: { type: Date, required: true },
    },
    opts,
  );
  idpRevision.index({ idpId: 1 });

  const mapping = new Schema<UserMappingDoc>(
    {
      _id: { type: String, required: true },
      idpId: { type: String, required: true },
      createdAt: { type: Date, required: true },
    },
    opts,
  );

  const provisioning = new Schema<ProvisioningRequestDoc>(
    {
      _id: { type: String, required: true },
      name: { type: String, required: true },
      policyId: { type: String, required: true },
      idpId: String,
      mode: { type: String, required: true },
      users: { type: Schema.Types.Mixed, required: true },
      createdAt: { type: Date, required: true },
      createdBy: { type: String, required: true },
      completedAt: Date,
      version: { type: Number, required: true },
    },
    opts,
  );

  const models = {
    idp: connection.model<IdpConnectionDoc>('IdpConnection', idp, 'idp_connections'),
    setting: connection.model<SettingDoc>('Setting', setting, 'settings'),
    enrollment: connection.model<EnrollmentDoc>('Enrollment', enrollment, 'enrollments'),
    credential: connection.model<CredentialDoc>('Credential', credential, 'credentials'),
    mapping: connection.model<UserMappingDoc>('UserMapping', mapping, 'user_mappings'),
    claim: connection.model<ClaimDoc>('Lock', claim, 'locks'),
    idpRevision: connection.model<IdpRevisionDoc>('IdpRevision', idpRevision, 'idp_revisions'),
    provisioning: connection.model<ProvisioningRequestDoc>(
      'ProvisioningRequest',
      provisioning,
      'provisioning_requests',
    ),
  };
  return models;
}

export type Models = ReturnType<typeof defineModels>;

/** Creates every index (autoIndex is off in service-kit's connection). */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) await model.createIndexes();
}

/** Duplicate-key error from MongoDB / FerretDB (code 11000). */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: unknown })?.code === 11000;
}
