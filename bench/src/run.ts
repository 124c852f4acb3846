/**
 * `npm run bench -- <name> [args…]` runs one benchmark in its own process, so each starts from a
 * cold, unshared heap. `npm run bench` alone lists them. Benchmarks print their figures and the
 * command that reproduces them; nothing here asserts on timing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = {
  ctap: { file: 'ctapOverhead.ts', what: 'host-side CTAP overhead vs simulator time (ratio)' },
  gateway: {
    file: 'gatewayConfigure.ts',
    what: 'gateway configure throughput vs the device-bound limit, N = 1, 8, 32, 64',
  },
  console: {
    file: 'consoleRender.ts',
    what: 'console: navigation → 64 key rows rendered; SSE progress frame → on screen vs 16 ms',
  },
  reporting: {
    file: 'reportingThroughput.ts',
    what: 'events/s from publish to persisted audit record, p50/p99 latency',
  },
  pages: {
    file: 'consolePages.ts',
    what: 'inventory + event-log REST pages (first, next) at 100k keys / 1M events, p50/p95, index use',
  },
} as const;

type Name = keyof typeof BENCHMARKS;
const [name, ...args] = process.argv.slice(2);

if (!name || !(name in BENCHMARKS)) {
  if (name) console.error(`unknown benchmark "${name}"`);
  console.log('usage: npm run bench -- <name> [args]\n');
  for (const [key, { what }] of Object.entries(BENCHMARKS))
    console.log(`  ${key.padEnd(10)} ${what}`);
  process.exit(name ? 2 : 0);
}

const file = fileURLToPath(new URL(BENCHMARKS[name as Name].file, import.meta.url));
if (!existsSync(file)) {
  console.error(`benchmark file ${file} is missing`);
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
