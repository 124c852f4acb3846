// `npm run api:generate`: rewrites the console's API client types from each service's routes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_DIR, renderApiClients } from './apiClients.ts';

mkdirSync(GENERATED_DIR, { recursive: true });
for (const [file, contents] of await renderApiClients()) {
  writeFileSync(join(GENERATED_DIR, file), contents);
  process.stdout.write(`wrote ${join(GENERATED_DIR, file)}\n`);
}
