import { randomUUID } from 'node:crypto';
import { KeywardError } from '@keyward/contracts';
import {
  type IdpSecrets,
  type IdpSettings,
  idpSettingsSchema,
  SECRET_FIELDS,
} from '../domain/connection/connectionConfig.ts';
import { openSecret, type SealedSecret, sealSecret } from '../domain/vault/sealSecret.ts';
import { type IdpConnectionDoc, isDuplicateKey, type Models } from './models.ts';

/** An IdP connection as the API shows it: settings and which secrets are set, never their values. */
export interface IdpConnectionView {
  id: string;
  name: string;
  type: IdpSettings['type'];
  settings: IdpSettings;
  secretsSet: string[];
  isDefault: boolean;
  /** Bumped by every edit; PATCH with `expectedVersion` refuses an edit made from a stale read. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** How long an edit may take between its revision row and its update before it counts as crashed. */
const REVISION_LEASE_MS = 60_000;

/** IdP connections with sealed secrets, and the tenant default (one settings document). */
export function createIdpStore(models: Models, kek: Uint8Array, clock: () => Date) {
  const seal = (id: string, secrets: IdpSecrets, fields: readonly string[]) => {
    const out: Record<string, SealedSecret> = {};
    for (const f of fields) {
      const value = secrets[f as keyof IdpSecrets];
      if (value) out[f] = sealSecret({ kek, owner: id, field: f, secret: value });
    }
    return out;
  };

  async function defaultId(): Promise<string | undefined> {
    const doc = await models.setting.findById('defaultIdp').lean();
    return doc?.value.idpId as string | undefined;
  }

  function view(doc: IdpConnectionDoc, defaultIdp: string | undefined): IdpConnectionView {
    return {
      id: doc._id,
      name: doc.name,
      type: doc.type as IdpSettings['type'],
      settings: idpSettingsSchema.parse(doc.settings),
      secretsSet: Object.keys(doc.secrets).sort(),
      isDefault: doc._id === defaultIdp,
      version: doc.version,
      createdAt: doc.createdAt.toISOString(),
      updatedAt: doc.updatedAt.toISOString(),
    };
  }

  async function getDoc(id: string): Promise<IdpConnectionDoc> {
    const doc = await models.idp.findById(id).lean();
    if (!doc)
      throw new KeywardError('NOT_FOUND', `IdP connection ${id} does not exist`, {
        details: { idpId: id },
      });
    return doc;
  }

  /**
   * Inserts the revision row for `version`; false when another edit holds it. A row left by an
   * edit that crashed before its update (the connection still one version behind after
   * REVISION_LEASE_MS) is taken over, so a crash never blocks edits for good.
   */
  async function claimRevision(id: string, version: number, now: Date): Promise<boolean> {
    const insert = async () => {
      try {
        await models.idpRevision.create({ _id: `${id}:${version}`, idpId: id, version, at: now });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    };
    if (await insert()) return true;
    const held = await models.idpRevision.findById(`${id}:${version}`).lean();
    if (!held || held.at.getTime() > now.getTime() - REVISION_LEASE_MS) return false;
    const current = await models.idp.findById(id).lean();
    if (current?.version !== version - 1) return false;
    await models.idpRevision.deleteOne({ _id: held._id, at: held.at });
    return insert();
  }

  return {
    async create(input: {
      name: string;
      settings: IdpSettings;
      secrets: IdpSecrets;
      isDefault?: boolean;
    }): Promise<IdpConnectionView> {
      const id = randomUUID();
      const fields = SECRET_FIELDS[input.settings.type];
      const missing = fields.filter((f) => !input.secrets[f as keyof IdpSecrets]);
      if (missing.length) {
        throw new KeywardError(
          'VALIDATION_FAILED',
          `secrets.${missing[0]}: Required for a ${input.settings.type} connection`,
          { details: { missing } },
        );
      }
      const now = clock();
      const doc: IdpConnectionDoc = {
        _id: id,
        name: input.name,
        type: input.settings.type,
        settings: input.settings,
        secrets: seal(id, input.secrets, fields),
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      try {
        await models.idp.create(doc);
      } catch (err) {
        if (isDuplicateKey(err))
          throw new KeywardError(
            'CONFLICT',
            `an IdP connection named ${input.name} already exists`,
            { details: { field: 'name' } },
          );
        throw err;
      }
      if (input.isDefault || !(await defaultId())) await this.setDefault(id);
      return view(doc, await defaultId());
    },

    async update(
      id: string,
      patch: { name?: string; settings?: IdpSettings; secrets?: IdpSecrets },
      expectedVersion?: number,
    ): Promise<{ view: IdpConnectionView; changedFields: string[] }> {
      const doc = await getDoc(id);
      if (expectedVersion !== undefined && expectedVersion !== doc.version) {
        throw new KeywardError(
          'CONFLICT',
          `IdP connection ${id} is at version ${doc.version}, not ${expectedVersion}: it was changed since you read it`,
          { details: { idpId: id, expectedVersion, currentVersion: doc.version } },
        );
      }
      if (patch.settings && patch.settings.type !== doc.type) {
        throw new KeywardError(
          'VALIDATION_FAILED',
          `settings.type: was ${patch.settings.type}, expected ${doc.type} (create a new connection to change provider)`,
          { details: { field: 'settings.type' } },
        );
      }
      const changed: string[] = [];
      const set: Partial<IdpConnectionDoc> = { updatedAt: clock(), version: doc.version + 1 };
      if (patch.name !== undefined && patch.name !== doc.name) {
        set.name = patch.name;
        changed.push('name');
      }
      if (patch.settings) {
        for (const [k, v] of Object.entries(patch.settings))
          if (JSON.stringify(doc.settings[k]) !== JSON.stringify(v)) changed.push(`settings.${k}`);
        set.settings = patch.settings;
      }
      if (patch.secrets) {
        const fields = SECRET_FIELDS[doc.type as IdpSettings['type']].filter(
          (f) => patch.secrets?.[f as keyof IdpSecrets],
        );
        set.secrets = { ...doc.secrets, ...seal(id, patch.secrets, fields) };
        for (const f of fields) changed.push(`secrets.${f}`);
      }
      const conflict = () =>
        new KeywardError('CONFLICT', `IdP connection ${id} changed concurrently; retry`, {
          details: { idpId: id, retryable: true },
        });
      // The revision row decides which of two edits from the same version wins (see models.ts).
      if (!(await claimRevision(id, doc.version + 1, set.updatedAt as Date))) throw conflict();
      const res = await models.idp.updateOne({ _id: id, version: doc.version }, { $set: set });
      if (res.modifiedCount !== 1) throw conflict();
      return {
        view: view({ ...doc, ...set } as IdpConnectionDoc, await defaultId()),
        changedFields: changed,
      };
    },

    async remove(id: string): Promise<IdpConnectionView> {
      const doc = await getDoc(id);
      const def = await defaultId();
      await models.idp.deleteOne({ _id: id });
      await models.idpRevision.deleteMany({ idpId: id });
      if (def === id) await models.setting.deleteOne({ _id: 'defaultIdp' });
      return view(doc, def);
    },

    async get(id: string): Promise<IdpConnectionView> {
      return view(await getDoc(id), await defaultId());
    },

    async list(): Promise<IdpConnectionView[]> {
      const def = await defaultId();
      const docs = await models.idp.find().sort({ name: 1 }).lean();
      return docs.map((d) => view(d, def));
    },

    async setDefault(id: string): Promise<void> {
      await getDoc(id);
      await models.setting.updateOne(
        { _id: 'defaultIdp' },
        { $set: { value: { idpId: id } } },
        { upsert: true },
      );
    },

    defaultId,

    /** Settings plus opened secrets, for building a connector. Secrets never leave this call's user. */
    async open(
      id: string,
    ): Promise<{ view: IdpConnectionView; settings: IdpSettings; secrets: IdpSecrets }> {
      const doc = await getDoc(id);
      const secrets: IdpSecrets = {};
      for (const [field, record] of Object.entries(doc.secrets)) {
        secrets[field as keyof IdpSecrets] = openSecret({ kek, owner: id, field, record });
      }
      const v = view(doc, await defaultId());
      return { view: v, settings: v.settings, secrets };
    },
  };
}

export type IdpStore = ReturnType<typeof createIdpStore>;
