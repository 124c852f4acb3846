import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectMongo, createLogger } from '@keyward/service-kit';
import { type MongoServer, startMongo, uniqueDbName } from '@keyward/test-harness';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MdsTrust } from '../src/service/mdsTrust.ts';
import { MdsStore } from '../src/store/mdsStore.ts';
import { defineModels, ensureIndexes } from '../src/store/models.ts';
import { blobPayload, createTestPki, signBlob, type TestPki } from './fixtures/mdsBlob.ts';
import { SIM_AAGUIDS } from './fixtures/simProfiles.ts';

let mongo: MongoServer;
let connection: Connection;
let server: Server;
let url: string;
let pki: TestPki;
/** What the fake MDS endpoint answers next. */
let answer: { status: number; body: string } = { status: 503, body: '' };

const logger = createLogger({ name: 'mds-url-test', level: 'silent' });
const now = () => new Date('2026-06-01T12:00:00Z');

beforeAll(async () => {
  [mongo, pki] = await Promise.all([startMongo(), createTestPki()]);
  connection = await connectMongo({ url: mongo.url, dbName: uniqueDbName('policy_mds'), logger });
  await ensureIndexes(defineModels(connection));
  server = createServer((_req, res) => {
    res.writeHead(answer.status, { 'content-type': 'application/jwt' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await connection?.close();
  await mongo?.stop();
});

function trust(): MdsTrust {
  return new MdsTrust({
    roots: [pki.rootPem],
    source: url,
    store: new MdsStore(defineModels(connection)),
    logger,
    now,
  });
}

describe('MDS BLOB from a URL (MDS_BLOB_URL)', () => {
  const entries = [
    { aaguid: SIM_AAGUIDS.generic, description: 'generic', statuses: ['FIDO_CERTIFIED_L1'] },
  ];

  it('an HTTP error is UPSTREAM_UNAVAILABLE and recorded, nothing loaded', async () => {
    answer = { status: 503, body: 'maintenance' };
    const t = trust();
    await t.init();
    await expect(t.refresh()).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(t.status()).toMatchObject({ loaded: false, lastError: { check: 'MDS_BLOB_INVALID' } });
  });

  it('downloads and verifies a good BLOB, then keeps it across an outage and a new instance', async () => {
    answer = { status: 200, body: await signBlob(pki, blobPayload(entries, { no: 4 })) };
    const t = trust();
    await t.init();
    expect(await t.refresh()).toMatchObject({ loaded: true, no: 4, entries: 1 });
    answer = { status: 500, body: '' };
    await expect(t.refresh()).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(t.index()?.verdict(SIM_AAGUIDS.generic)).toMatchObject({ known: true });
    const restarted = trust();
    await restarted.init();
    expect(restarted.status()).toMatchObject({ loaded: true, no: 4 });
  });
});
