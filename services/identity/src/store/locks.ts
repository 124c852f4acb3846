import { isDuplicateKey, type Models } from './models.ts';

/**
 * Named locks as rows whose `_id` is the lock name. A primary-key insert is atomic on MongoDB and
 * on FerretDB, whereas FerretDB (SQLite backend) does not isolate conditional updates: ten
 * concurrent `updateOne({_id, v: 0}, {$set: {v: 1}})` were measured to report up to ten
 * modifications. A lock older than `staleBefore` (its holder crashed) is taken over.
 */
export function createLocks(models: Models) {
  const insert = async (key: string, now: Date) => {
    try {
      await models.claim.create({ _id: key, at: now });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  };
  return {
    async acquire(key: string, now: Date, staleBefore: Date): Promise<boolean> {
      if (await insert(key, now)) return true;
      const held = await models.claim.findById(key).lean();
      if (held && held.at >= staleBefore) return false;
      if (held) await models.claim.deleteOne({ _id: key, at: held.at });
      return insert(key, now);
    },
    async release(key: string): Promise<void> {
      await models.claim.deleteOne({ _id: key });
    },
  };
}

export type Locks = ReturnType<typeof createLocks>;
