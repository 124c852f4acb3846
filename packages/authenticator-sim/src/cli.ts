#!/usr/bin/env -S node --import tsx
/** keyward-sim command line: wiring only (see cli/parsePlugArgs.ts and cli/plug.ts). */
import { PLUG_USAGE, parsePlugArgs } from './cli/parsePlugArgs.ts';
import { plug } from './cli/plug.ts';

const parsed = parsePlugArgs(process.argv.slice(2));
if (!parsed.ok) {
  process.stderr.write(`keyward-sim: ${parsed.error}\n${PLUG_USAGE}\n`);
  process.exit(2);
}
const handle = await plug(parsed.options, {
  log: (line) => process.stdout.write(`${line}\n`),
  input: process.stdin,
});
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void handle.stop().then(() => process.exit(0));
  });
}
