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

  it('falls back to FerretDB with the SQLite backend in the data dir', () => {
    const plan = planDatabase({
      ...common,
      env: { PATH: '/nonexistent' },
      ferretdbPaths: ['/bin/true'],
    });
    expect(plan).toMatchObject({
      kind: 'ferretdb',
      url: 'mongodb://127.0.0.1:27017',
      command: '/bin/true',
    });
    if (plan.kind !== 'ferretdb') throw new Error('expected FerretDB');
    expect(plan.args).toEqual(
      expect.arrayContaining([
        '--handler=sqlite',
        '--sqlite-url=file:/d/db/',
        '--listen-addr=127.0.0.1:27017',
        '--debug-addr=127.0.0.1:9488',
        '--telemetry=disable',
      ]),
    );
    expect(plan.description).toMatch(
      /^database: FerretDB \(SQLite backend\) at mongodb:\/\/127\.0\.0\.1:27017/,
    );
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
