import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planDatabase, redactUrl } from '../src/database.ts';

const common = { host: '127.0.0.1', port: 27017, debugPort: 9488, dataDir: '/d/db' };

describe('planDatabase', () => {
  it('uses MONGO_URL without starting anything, and says so without the password', () => {
    const plan = planDatabase({ ...common, env: { MONGO_URL: 'mongodb://app:s3cret@db:27017' } });
    expect(plan.kind).toBe('external');
    expect(plan.url).toBe('mongodb://app:s3cret@db:27017');
    expect(plan.description).toBe(
      'database: MONGO_URL (mongodb://app:***@db:27017); nothing started',
    );
  });

  it('falls back to FerretDB with the SQLite backend in the data dir, admitting only the Keyward user', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'keyward-dbplan-'));
    try {
      const plan = planDatabase({
        ...common,
        dataDir,
        env: { PATH: '/nonexistent' },
        ferretdbPaths: ['/bin/true'],
      });
      if (plan.kind !== 'ferretdb') throw new Error('expected FerretDB');
      const stored = JSON.parse(readFileSync(join(dataDir, 'credentials.json'), 'utf8'));
      expect(stored).toMatchObject({
        username: 'keyward',
        password: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(statSync(join(dataDir, 'credentials.json')).mode & 0o777).toBe(0o600);
      expect(plan).toMatchObject({
        command: '/bin/true',
        url: `mongodb://keyward:${stored.password}@127.0.0.1:27017/?authSource=admin`,
        env: { FERRETDB_SETUP_USERNAME: 'keyward', FERRETDB_SETUP_PASSWORD: stored.password },
      });
      expect(plan.args).toEqual(
        expect.arrayContaining([
          '--handler=sqlite',
          `--sqlite-url=file:${dataDir}/`,
          '--listen-addr=127.0.0.1:27017',
          '--debug-addr=127.0.0.1:9488',
          '--telemetry=disable',
          '--test-enable-new-auth',
        ]),
      );
      expect(plan.args.join(' ')).not.toContain(stored.password);
      expect(plan.description).toMatch(
        /^database: FerretDB \(SQLite backend, user keyward only\) at mongodb:\/\/keyward:\*\*\*@127\.0\.0\.1:27017/,
      );
      expect(plan.description).not.toContain(stored.password);
      // The next run keeps the password: FerretDB created its user only once.
      const again = planDatabase({
        ...common,
        dataDir,
        env: { PATH: '/nonexistent' },
        ferretdbPaths: ['/bin/true'],
      });
      expect(again.url).toBe(plan.url);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('fails naming what to install when there is no database at all', () => {
    expect(() =>
      planDatabase({ ...common, env: { PATH: '/nonexistent' }, ferretdbPaths: [] }),
    ).toThrow(/ferretdb not found.*npm run setup/);
  });
});

describe('redactUrl', () => {
  it('leaves URLs without credentials alone', () => {
    expect(redactUrl('mongodb://127.0.0.1:27017')).toBe('mongodb://127.0.0.1:27017');
  });
});
