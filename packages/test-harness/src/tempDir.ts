import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();
let hooked = false;

function removeAllSync(): void {
  for (const path of live) rmSync(path, { recursive: true, force: true });
  live.clear();
}

export type TempDir = {
  path: string;
  /** Removes the directory and everything in it. Idempotent. */
  remove(): Promise<void>;
};

/**
 * Creates a fresh directory under the OS temp dir (`keyward-<prefix>-XXXXXX`). It is removed by
 * `remove()` or, at the latest, when this process exits.
 */
export function tempDir(prefix = 'tmp'): TempDir {
  if (!hooked) {
    hooked = true;
    process.once('exit', removeAllSync);
  }
  const path = mkdtempSync(join(tmpdir(), `keyward-${prefix}-`));
  live.add(path);
  return {
    path,
    async remove() {
      live.delete(path);
      await rm(path, { recursive: true, force: true });
    },
  };
}
