import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, renderApiClients } from './apiClients.ts';

describe("the console's generated API clients", () => {
  it('match every service’s current routes (run `npm run api:generate` after changing a route)', async () => {
    const files = await renderApiClients();
    expect([...files.keys()].sort()).toEqual([
      'gateway.ts',
      'identity.ts',
      'policy.ts',
      'reporting.ts',
    ]);
    for (const [file, contents] of files) {
      const path = join(GENERATED_DIR, file);
      expect(existsSync(path), `${path} is missing`).toBe(true);
      expect(readFileSync(path, 'utf8'), `${file} is out of date`).toBe(contents);
    }
  });

  it('carry the permission and the typed body of a route', async () => {
    const gateway = (await renderApiClients()).get('gateway.ts')!;
    expect(gateway).toMatch(/"\/devices\/\{id\}\/assign": \{/);
    expect(gateway).toMatch(/user: string;/);
  });
});
