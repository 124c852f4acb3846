import { isDeepStrictEqual } from 'node:util';
import { KeywardError } from '@keyward/contracts';
import type { Policy, PolicyInput } from '../domain/policy/policySchema.ts';
import {
  isDuplicateKey,
  type Models,
  type PolicyHeadDoc,
  type PolicyVersionDoc,
} from './models.ts';

function toPolicy(doc: PolicyHeadDoc): Policy {
  return {
    ...(doc.content as PolicyInput),
    id: doc._id,
    version: doc.version,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    updatedBy: doc.updatedBy,
  };
}

function versionToPolicy(row: PolicyVersionDoc, createdAt: Date): Policy {
  return {
    ...(row.content as PolicyInput),
    id: row.policyId,
    version: row.version,
    createdAt: createdAt.toISOString(),
    updatedAt: row.createdAt.toISOString(),
    updatedBy: row.createdBy,
  };
}

function notFound(id: string, version?: number): KeywardError {
  return new KeywardError(
    'NOT_FOUND',
    version === undefined ? `policy ${id} not found` : `policy ${id} has no version ${version}`,
    { details: { policyId: id, ...(version === undefined ? {} : { version }) } },
  );
}

/**
 * Policies with version history, without transactions: a version row is inserted first (its
 * unique (policyId, version) index lets only one writer claim a version), then the head moves
 * with a compare-and-set on `version`. A retry of the same change finds its own version row and
 * completes the head update.
 */
export class PolicyStore {
  readonly #m: Models;
  readonly #now: () => Date;

  constructor(models: Models, now: () => Date = () => new Date()) {
    this.#m = models;
    this.#now = now;
  }

  async create(id: string, content: PolicyInput, actor: string): Promise<Policy> {
    const now = this.#now();
    const head: PolicyHeadDoc = {
      _id: id,
      name: content.name,
      version: 1,
      content: content as Record<string, unknown>,
      createdAt: now,
      updatedAt: now,
      updatedBy: actor,
    };
    try {
      await this.#m.PolicyHead.create(head);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new KeywardError('CONFLICT', `a policy named "${content.name}" already exists`, {
          details: { name: content.name },
        });
      }
      throw error;
    }
    await this.#m.PolicyVersion.updateOne(
      { policyId: id, version: 1 },
      { $setOnInsert: { name: content.name, content, createdAt: now, createdBy: actor } },
      { upsert: true },
    );
    return toPolicy(head);
  }

  async get(id: string, version?: number): Promise<Policy> {
    const head = await this.#m.PolicyHead.findById(id).lean();
    if (version === undefined || (head && head.version === version)) {
      if (!head) throw notFound(id);
      return toPolicy(head);
    }
    const row = await this.#m.PolicyVersion.findOne({ policyId: id, version }).lean();
    if (!row) throw notFound(id, version);
    const first = await this.#m.PolicyVersion.findOne({ policyId: id, version: 1 }).lean();
    return versionToPolicy(row, first?.createdAt ?? row.createdAt);
  }

  async list(): Promise<Policy[]> {
    const heads = await this.#m.PolicyHead.find().sort({ name: 1 }).lean();
    return heads.map((h) => toPolicy(h));
  }

  async versions(
    id: string,
  ): Promise<{ version: number; createdAt: string; createdBy: string; name: string }[]> {
    const rows = await this.#m.PolicyVersion.find({ policyId: id }).sort({ version: 1 }).lean();
    if (rows.length === 0) throw notFound(id);
    return rows.map((r) => ({
      version: r.version,
      name: r.name,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy,
    }));
  }

  /** Moves the head from `fromVersion` to `fromVersion + 1` with `content`. */
  async update(
    id: string,
    fromVersion: number,
    content: PolicyInput,
    actor: string,
  ): Promise<Policy> {
    const now = this.#now();
    const version = fromVersion + 1;
    try {
      await this.#m.PolicyVersion.create({
        policyId: id,
        version,
        name: content.name,
        content,
        createdAt: now,
        createdBy: actor,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.#m.PolicyVersion.findOne({ policyId: id, version }).lean();
      if (!existing || !isDeepStrictEqual(existing.content, content))
        throw this.#conflict(id, fromVersion);
    }
    let head: PolicyHeadDoc | null;
    try {
      head = await this.#m.PolicyHead.findOneAndUpdate(
        { _id: id, version: fromVersion },
        { $set: { version, name: content.name, content, updatedAt: now, updatedBy: actor } },
        { returnDocument: 'after', lean: true },
      );
    } catch (error) {
      if (isDuplicateKey(error)) {
        await this.#m.PolicyVersion.deleteOne({ policyId: id, version });
        throw new KeywardError('CONFLICT', `a policy named "${content.name}" already exists`, {
          details: { name: content.name },
        });
      }
      throw error;
    }
    if (!head) {
      const current = await this.#m.PolicyHead.findById(id).lean();
      if (current?.version === version) return toPolicy(current);
      throw current ? this.#conflict(id, fromVersion, current.version) : notFound(id);
    }
    return toPolicy(head);
  }

  /** Deletes the head if it is at `version`; the version history stays. */
  async delete(id: string, version: number): Promise<Policy> {
    const head = await this.#m.PolicyHead.findOneAndDelete({ _id: id, version }).lean();
    if (!head) {
      const current = await this.#m.PolicyHead.findById(id).lean();
      throw current ? this.#conflict(id, version, current.version) : notFound(id);
    }
    await this.#m.PolicyVersion.updateOne(
      { policyId: id, version },
      { $set: { deletedAt: this.#now() } },
    );
    return toPolicy(head);
  }

  #conflict(id: string, expected: number, current?: number): KeywardError {
    return new KeywardError(
      'CONFLICT',
      current === undefined
        ? `policy ${id} changed concurrently; the change was based on version ${expected}`
        : `policy ${id} is at version ${current}, the change was based on version ${expected}`,
      {
        details: {
          policyId: id,
          expectedVersion: expected,
          ...(current ? { currentVersion: current } : {}),
        },
      },
    );
  }
}
