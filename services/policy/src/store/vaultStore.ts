import type { SealedSecret, VaultKind } from '../domain/vault/vaultCrypto.ts';
import type { Models } from './models.ts';

export interface VaultRecord {
  serial: string;
  kind: VaultKind;
  sealed: SealedSecret;
}

/** Sealed secrets by (serial, kind). Stores ciphertext only; sealing happens in the caller. */
export class VaultStore {
  readonly #m: Models;
  readonly #now: () => Date;

  constructor(models: Models, now: () => Date = () => new Date()) {
    this.#m = models;
    this.#now = now;
  }

  /** Insert or replace one record (single-document upsert). */
  async put(record: VaultRecord & { policyId?: string; aaguid?: string }): Promise<void> {
    const now = this.#now();
    const { serial, kind, sealed, policyId, aaguid } = record;
    await this.#m.VaultRecord.updateOne(
      { serial, kind },
      {
        $set: {
          sealed,
          updatedAt: now,
          ...(policyId ? { policyId } : {}),
          ...(aaguid ? { aaguid } : {}),
        },
        $setOnInsert: { createdAt: now },
      },
      { upsert: true },
    );
  }

  /** The policy the key's PINs were last sealed under (by a configure), if any. */
  async policyOf(serial: string): Promise<string | undefined> {
    const doc = await this.#m.VaultRecord.findOne({ serial, policyId: { $exists: true } })
      .sort({ updatedAt: -1 })
      .lean();
    return doc?.policyId ?? undefined;
  }

  async get(serial: string, kind: VaultKind): Promise<VaultRecord | undefined> {
    const doc = await this.#m.VaultRecord.findOne({ serial, kind }).lean();
    return doc ? { serial: doc.serial, kind: doc.kind, sealed: doc.sealed } : undefined;
  }

  /** Records not yet wrapped by `kekId`, in a stable order, for the rewrap command. */
  async *notWrappedBy(kekId: string): AsyncGenerator<VaultRecord> {
    const cursor = this.#m.VaultRecord.find({ 'sealed.kekId': { $ne: kekId } })
      .sort({ serial: 1, kind: 1 })
      .lean()
      .cursor();
    for await (const doc of cursor)
      yield { serial: doc.serial, kind: doc.kind, sealed: doc.sealed };
  }

  /** Replace a record's sealed value only if it is still the one read (compare-and-set). */
  async replaceIf(
    record: VaultRecord,
    expectedKekId: string,
    expectedWrappedKey: string,
  ): Promise<boolean> {
    const result = await this.#m.VaultRecord.updateOne(
      {
        serial: record.serial,
        kind: record.kind,
        'sealed.kekId': expectedKekId,
        'sealed.wrappedKey': expectedWrappedKey,
      },
      { $set: { sealed: record.sealed, updatedAt: this.#now() } },
    );
    return result.modifiedCount === 1;
  }

  async count(): Promise<number> {
    return this.#m.VaultRecord.countDocuments();
  }
}
