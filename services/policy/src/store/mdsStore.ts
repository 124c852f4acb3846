import type { MdsCacheDoc, Models } from './models.ts';

const KEY = 'current';

/** The last good MDS BLOB and the last rejection, so a restart keeps trusting what it had. */
export class MdsStore {
  readonly #m: Models;

  constructor(models: Models) {
    this.#m = models;
  }

  async load(): Promise<MdsCacheDoc | undefined> {
    return (await this.#m.MdsCache.findById(KEY).lean()) ?? undefined;
  }

  async saveGood(blob: string, no: number, nextUpdate: string, at: Date): Promise<void> {
    await this.#m.MdsCache.updateOne(
      { _id: KEY },
      { $set: { blob, no, nextUpdate, loadedAt: at } },
      { upsert: true },
    );
  }

  async saveError(check: string, message: string, at: Date): Promise<void> {
    await this.#m.MdsCache.updateOne(
      { _id: KEY },
      { $set: { lastError: { check, message, at } } },
      { upsert: true },
    );
  }
}
