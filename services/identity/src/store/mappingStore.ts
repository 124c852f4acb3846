import type { Models } from './models.ts';

/** User → IdP mapping for the assign-by-URL workflow (which IdP holds this login). */
export function createMappingStore(models: Models, clock: () => Date) {
  const key = (user: string) => user.trim().toLowerCase();
  return {
    async set(user: string, idpId: string): Promise<void> {
      await models.mapping.updateOne(
        { _id: key(user) },
        { $set: { idpId, createdAt: clock() } },
        { upsert: true },
      );
    },
    async get(user: string): Promise<string | undefined> {
      return (await models.mapping.findById(key(user)).lean())?.idpId;
    },
    async remove(user: string): Promise<boolean> {
      return (await models.mapping.deleteOne({ _id: key(user) })).deletedCount === 1;
    },
    async list(): Promise<{ user: string; idpId: string }[]> {
      return (await models.mapping.find().sort({ _id: 1 }).lean()).map((d) => ({
        user: d._id,
        idpId: d.idpId,
      }));
    },
  };
}

export type MappingStore = ReturnType<typeof createMappingStore>;
