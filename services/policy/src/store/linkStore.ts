import type { DeviceLinkDoc, Models } from './models.ts';

export interface DeviceLink {
  serial: string;
  policyId: string;
  policyVersion: number;
  linkedAt: string;
  linkedBy: string;
}

const toLink = (d: DeviceLinkDoc): DeviceLink => ({
  serial: d._id,
  policyId: d.policyId,
  policyVersion: d.policyVersion,
  linkedAt: d.linkedAt.toISOString(),
  linkedBy: d.linkedBy,
});

/**
 * Which policy each key is linked to ahead of configuration. Keyed by serial, so a key has at
 * most one link and linking it again moves it; every write is a single-document operation.
 */
export class LinkStore {
  readonly #m: Models;
  readonly #now: () => Date;

  constructor(models: Models, now: () => Date) {
    this.#m = models;
    this.#now = now;
  }

  async link(serial: string, policyId: string, policyVersion: number, actor: string) {
    await this.#m.DeviceLink.replaceOne(
      { _id: serial },
      { _id: serial, policyId, policyVersion, linkedAt: this.#now(), linkedBy: actor },
      { upsert: true },
    );
  }

  /** Removes the link if it is to `policyId`; false when the key was not linked to it. */
  async unlink(serial: string, policyId: string): Promise<boolean> {
    const res = await this.#m.DeviceLink.deleteOne({ _id: serial, policyId });
    return res.deletedCount === 1;
  }

  async list(policyId: string): Promise<DeviceLink[]> {
    const docs = await this.#m.DeviceLink.find({ policyId }).sort({ _id: 1 }).lean();
    return docs.map(toLink);
  }
}
