import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { chooseDatabase, MissingBinaryError, startMongo, uniqueDbName } from '../src/index.ts';
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
