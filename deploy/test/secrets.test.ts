import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@keyward/test-harness';
import { describe, expect, it } from 'vitest';
import { DEV_SECRET_NAMES, loadOrCreateDevSecrets } from '../src/secrets.ts';

describe('loadOrCreateDevSecrets', () => {
  it('generates 32-byte keys once, keeps them private, and returns the same on the next run', async () => {
    const dir = tempDir('secrets');
    try {
      const file = join(dir.path, 'dev-secrets.json');
      const first = loadOrCreateDevSecrets(file, {});
      for (const name of DEV_SECRET_NAMES) {
        expect(Buffer.from(first[name]!, 'base64')).toHaveLength(32);
      }
      expect(statSync(file).mode & 0o077).toBe(0);
      expect(loadOrCreateDevSecrets(file, {})).toEqual(first);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
    } finally {
      await dir.remove();
    }
  });

  it('lets a variable from the environment win', async () => {
    const dir = tempDir('secrets');
    try {
      const secrets = loadOrCreateDevSecrets(join(dir.path, 's.json'), { KEYWARD_KEK: 'mine' });
      expect(secrets.KEYWARD_KEK).toBe('mine');
    } finally {
      await dir.remove();
    }
  });
});
