import { statSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import {
  chooseDatabase,
  databaseCommand,
  MissingBinaryError,
  startMongo,
  uniqueDbName,
} from '../src/index.ts';
import { tempDir } from '../src/tempDir.ts';
import { isPortOpen } from './support.ts';

describe('startMongo', () => {
  it('starts a MongoDB-wire database that stores and returns documents', async () => {
    const mongo = await startMongo();
    const client = new MongoClient(mongo.url, { serverSelectionTimeoutMS: 10_000 });
    try {
      const db = client.db(uniqueDbName('harness'));
      await db.collection('things').insertOne({ _id: 'one' as never, n: 1 });
      expect(await db.collection('things').findOne({ _id: 'one' as never })).toEqual({
        _id: 'one',
        n: 1,
      });
    } finally {
      await client.close();
      await mongo.stop();
    }
    if (mongo.kind !== 'external') {
      expect(await isPortOpen(Number(new URL(mongo.url).port))).toBe(false);
    }
  });

  it('uses MONGO_URL as given instead of starting a server', async () => {
    const mongo = await startMongo({ env: { MONGO_URL: 'mongodb://db.example:27017' } });
    expect(mongo).toMatchObject({ kind: 'external', url: 'mongodb://db.example:27017' });
    await mongo.stop();
  });

  it('names the missing database and the setup command when none is installed', () => {
    expect(() => chooseDatabase({ env: { PATH: '/nonexistent' }, ferretdbPaths: [] })).toThrow(
      MissingBinaryError,
    );
    expect(() => chooseDatabase({ env: { PATH: '/nonexistent' }, ferretdbPaths: [] })).toThrow(
      /ferretdb not found.*npm run setup/,
    );
  });

  it('prefers MONGO_URL, then mongod, then FerretDB', () => {
    expect(chooseDatabase({ env: { MONGO_URL: 'mongodb://x' } }).kind).toBe('external');
    expect(
      chooseDatabase({ env: { PATH: '/nonexistent' }, ferretdbPaths: ['/bin/true'] }),
    ).toMatchObject({ kind: 'ferretdb', binary: '/bin/true' });
  });
});

/** One client, one piece of work, closed afterwards; the driver's error is passed on. */
async function withDb<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 10_000 });
  try {
    return await work(client.db('vaultlike'));
  } finally {
    await client.close();
  }
}

describe('FerretDB admits only the Keyward user', () => {
  // No MONGO_URL and no mongod on PATH: the harness starts FerretDB.
  const env = { PATH: '/nonexistent' };

  it('refuses a connection without the password or with a wrong one, on a private data dir', async () => {
    const dir = tempDir('auth');
    const dataDir = join(dir.path, 'db');
    const mongo = await startMongo({ env, dataDir });
    expect(mongo.kind).toBe('ferretdb');
    const { port } = new URL(mongo.url);
    const noPassword = `mongodb://127.0.0.1:${port}`;
    const wrongPassword = `mongodb://keyward:${'0'.repeat(64)}@127.0.0.1:${port}/?authSource=admin`;
    try {
      await withDb(mongo.url, (db) => db.collection('vault').insertOne({ serial: 'SN-1' }));
      await expect(
        withDb(noPassword, (db) => db.collection('vault').find().toArray()),
      ).rejects.toMatchObject({ codeName: 'Unauthorized' });
      await expect(
        withDb(noPassword, (db) => db.collection('vault').insertOne({ serial: 'SN-2' })),
      ).rejects.toMatchObject({ codeName: 'Unauthorized' });
      await expect(
        withDb(noPassword, (db) => db.admin().command({ listDatabases: 1 })),
      ).rejects.toMatchObject({ codeName: 'Unauthorized' });
      await expect(
        withDb(wrongPassword, (db) => db.collection('vault').find().toArray()),
      ).rejects.toMatchObject({ codeName: 'AuthenticationFailed' });
      // FerretDB writes its SQLite files 0644: the directory keeps other users out of them.
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dataDir, 'credentials.json')).mode & 0o777).toBe(0o600);
    } finally {
      await mongo.stop();
    }
    // A kept data dir keeps its user: the next start admits the same password, data intact.
    const again = await startMongo({ env, dataDir });
    try {
      expect(new URL(again.url).password).toBe(new URL(mongo.url).password);
      const docs = await withDb(again.url, (db) =>
        db
          .collection('vault')
          .find({}, { projection: { _id: 0 } })
          .toArray(),
      );
      expect(docs).toEqual([{ serial: 'SN-1' }]);
    } finally {
      await again.stop();
      await dir.remove();
    }
  });

  it('passes the password to FerretDB in its environment, not in the arguments ps shows', () => {
    const credentials = { username: 'keyward', password: 'f'.repeat(64) };
    const cmd = databaseCommand({
      kind: 'ferretdb',
      binary: '/bin/true',
      port: 27017,
      dataDir: '/d/db',
      credentials,
    });
    expect(cmd.args).toEqual(expect.arrayContaining(['--test-enable-new-auth']));
    expect(cmd.args.join(' ')).not.toContain(credentials.password);
    expect(cmd.env).toEqual({
      FERRETDB_SETUP_USERNAME: 'keyward',
      FERRETDB_SETUP_PASSWORD: credentials.password,
    });
  });
});

describe('uniqueDbName', () => {
  it('makes distinct, valid database names from a prefix', () => {
    const names = new Set(Array.from({ length: 100 }, () => uniqueDbName('my-service.test')));
    expect(names.size).toBe(100);
    for (const name of names) {
      expect(name).toMatch(/^my_service_test_[a-z0-9]+_[0-9a-f]{8}$/);
      expect(Buffer.byteLength(name)).toBeLessThan(64);
    }
  });
});
