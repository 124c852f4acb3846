import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@keyward/test-harness';
import { describe, expect, it } from 'vitest';
import { consoleBuildReason, consolePaths } from '../src/consoleBuild.ts';

describe('consoleBuildReason', () => {
  it('asks for a build when dist/index.html is missing or older than a file in app/', async () => {
    const dir = tempDir('console-build');
    try {
      expect(consoleBuildReason(dir.path)).toBeUndefined(); // no app: nothing to build
      const { app, dist, index } = consolePaths(dir.path);
      mkdirSync(join(app, 'src'), { recursive: true });
      const source = join(app, 'src', 'App.tsx');
      writeFileSync(source, '');
      expect(consoleBuildReason(dir.path)).toBe('services/console/dist/index.html is missing');

      mkdirSync(dist);
      writeFileSync(index, '');
      utimesSync(source, new Date(1_000_000), new Date(1_000_000));
      utimesSync(index, new Date(2_000_000), new Date(2_000_000));
      expect(consoleBuildReason(dir.path)).toBeUndefined();

      utimesSync(source, new Date(3_000_000), new Date(3_000_000));
      expect(consoleBuildReason(dir.path)).toBe(
        'services/console/app/src/App.tsx is newer than services/console/dist/index.html',
      );
    } finally {
      await dir.remove();
    }
  });
});
