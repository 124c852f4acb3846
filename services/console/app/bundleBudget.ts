import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The initial JavaScript (entry chunk + its static imports), gzip, must stay under this. */
export const INITIAL_JS_BUDGET_KB = 400;

/**
 * Prints the gzip size of the JavaScript a first visit loads before any lazy page, and fails
 * the build when it passes the budget, so the bundle cannot grow unnoticed.
 */
export function bundleBudget(budgetKb = INITIAL_JS_BUDGET_KB): Plugin {
  return {
    name: 'keyward-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) return;
      const initial = new Set<string>([entry.fileName]);
      const queue = [...entry.imports];
      while (queue.length > 0) {
        const name = queue.pop()!;
        if (initial.has(name)) continue;
        initial.add(name);
        const chunk = chunks.find((c) => c.fileName === name);
        if (chunk) queue.push(...chunk.imports);
      }
      const bytes = chunks
        .filter((c) => initial.has(c.fileName))
        .reduce((sum, c) => sum + gzipSync(c.code).length, 0);
      const kb = bytes / 1024;
      const line = `initial JavaScript (gzip): ${kb.toFixed(1)} KB of ${budgetKb} KB budget (${initial.size} chunk${initial.size === 1 ? '' : 's'})`;
      this.info(line);
      process.stdout.write(`${line}\n`);
      if (kb > budgetKb) this.error(`${line}: over budget`);
    },
  };
}
