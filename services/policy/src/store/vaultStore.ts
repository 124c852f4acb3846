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
        // A configure sets the key's PINs anew: a stage left by an interrupted unlock is stale.
        $unset: { pending: '' },
        $setOnInsert: { createdAt: now },
      },
      { upsert: true },
    );
  }

  /**
   * Stage a secret beside the one in effect (issue 19): `get` keeps returning the old one until
   * `commitPending`. A new stage replaces an older one (the device lease allows one at a time).
   */
  async stage(record: VaultRecord & { policyId?: string; aaguid?: string }): Promise<void> {
    const now = this.#now();
    const { serial, kind, sealed, policyId, aaguid } = record;
    await this.#m.VaultRecord.updateOne(
      { serial, kind },
      {
        $set: {
          pending: {
            sealed,
            stagedAt: now,
            ...(policyId ? { policyId } : {}),
            ...(aaguid ? { aaguid } : {}),
          },
        },
        $setOnInsert: { createdAt: now, updatedAt: now },
      },
      { upsert: true },
    );
  }

  /**
   * Make the staged secret the one in effect. Returns what was committed, or undefined when
   * nothing was staged (a repeated commit). The update names the stage it read, so a stage
   * replaced in between is not committed in its place.
   */
  async commitPending(
    serial: string,
    kind: VaultKind,
  ): Promise<{ policyId?: string; aaguid?: string } | undefined> {
    const doc = await this.#m.VaultRecord.findOne({ serial, kind }).lean();
    const pending = doc?.pending;
    if (!pending) return undefined;
    const { sealed, policyId, aaguid, stagedAt } = pending;
    const result = await this.#m.VaultRecord.updateOne(
      { serial, kind, 'pending.stagedAt': stagedAt },
      {
        $set: {
          sealed,
          updatedAt: this.#now(),
          ...(policyId ? { policyId } : {}),
          ...(aaguid ? { aaguid } : {}),
        },
        $unset: { pending: '' },
      },
    );
    if (result.modifiedCount !== 1) return undefined;
    return { ...(policyId ? { policyId } : {}), ...(aaguid ? { aaguid } : {}) };
  }

  /** Drop the staged secret; the one in effect stays. Returns whether one was staged. */
  async abortPending(serial: string, kind: VaultKind): Promise<boolean> {
    const result = await this.#m.VaultRecord.updateOne(
      { serial, kind, pending: { $exists: true } },
      { $unset: { pending: '' } },
    );
    // A record that only held the stage (no secret ever in effect) goes with it.
    await this.#m.VaultRecord.deleteOne({ serial, kind, sealed: { $exists: false } });
    return result.modifiedCount === 1;
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
    return doc?.sealed ? { serial: doc.serial, kind: doc.kind, sealed: doc.sealed } : undefined;
  }

  /** Records not yet wrapped by `kekId`, in a stable order, for the rewrap command. */
  async *notWrappedBy(kekId: string): AsyncGenerator<VaultRecord> {
    const cursor = this.#m.VaultRecord.find({
      sealed: { $exists: true },
      'sealed.kekId': { $ne: kekId },
    })
      .sort({ serial: 1, kind: 1 })
      .lean()
      .cursor();
    for await (const doc of cursor)
      if (doc.sealed) yield { serial: doc.serial, kind: doc.kind, sealed: doc.sealed };
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
