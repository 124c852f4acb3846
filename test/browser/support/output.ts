import { basename, join } from 'node:path';
import { repoRoot } from '@keyward/test-harness';
import { expect } from 'vitest';

/** Screenshots, browser console logs and service logs of browser tests (git-ignored). */
export const BROWSER_OUTPUT_DIR = join(repoRoot(), 'test', 'browser', 'output');

/** A test or file name as a file name: no path separators or characters shells trip on. */
export function fileSafe(name: string): string {
  return name
    .replace(/[/\\:*?"<>|\r\n\t]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
}

/** `test/browser/output/<test file>/`, from the test file vitest is running. */
export function fileOutputDir(): string {
  const testPath = expect.getState().testPath ?? 'unknown-file';
  return join(BROWSER_OUTPUT_DIR, fileSafe(basename(testPath)));
}
