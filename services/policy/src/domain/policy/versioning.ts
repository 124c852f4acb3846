import { isDeepStrictEqual } from 'node:util';
import type { PolicyInput } from './policySchema.ts';

/**
 * Versioning rules. A policy starts at version 1. Every change must name the version it was based
 * on (optimistic concurrency): a stale `expectedVersion` is a conflict, never a silent overwrite.
 * Re-sending the current content is a no-op (same version), so a retried PUT is idempotent.
 * Devices record the version they were configured with, so old versions stay readable.
 */
export const FIRST_VERSION = 1;

export type NextVersionResult =
  | { ok: true; changed: false; version: number; changedFields: [] }
  | { ok: true; changed: true; version: number; changedFields: (keyof PolicyInput)[] }
  | { ok: false; code: 'CONFLICT'; message: string; currentVersion: number };

export interface NextVersionOptions {
  policyId: string;
  current: { version: number; content: PolicyInput };
  expectedVersion: number;
  next: PolicyInput;
}

/** Decide the version an update produces, and which top-level fields it changes. */
export function nextVersion({
  policyId,
  current,
  expectedVersion,
  next,
}: NextVersionOptions): NextVersionResult {
  if (expectedVersion !== current.version) {
    return {
      ok: false,
      code: 'CONFLICT',
      message: `policy ${policyId} is at version ${current.version}, the change was based on version ${expectedVersion}`,
      currentVersion: current.version,
    };
  }
  const changedFields = changedTopLevelFields(current.content, next);
  if (changedFields.length === 0) {
    return { ok: true, changed: false, version: current.version, changedFields: [] };
  }
  return { ok: true, changed: true, version: current.version + 1, changedFields };
}

/** Top-level policy fields whose values differ (for the policy.updated event). */
export function changedTopLevelFields(a: PolicyInput, b: PolicyInput): (keyof PolicyInput)[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof PolicyInput>;
  return [...keys].filter((k) => !isDeepStrictEqual(a[k], b[k])).sort();
}
