import { beforeAll, describe, expect, it } from 'vitest';
import {
  blobPayload,
  createTestPki,
  signBlob,
  type TestPki,
} from '../../../test/fixtures/mdsBlob.ts';
import { buildMdsIndex } from './mdsIndex.ts';
import { selectBlob } from './selectBlob.ts';
import { verifyMdsBlob } from './verifyMdsBlob.ts';

const A = '11111111-1111-1111-1111-111111111111';
const R = '22222222-2222-2222-2222-222222222222';
const now = new Date('2026-06-01T12:00:00Z');

let pki: TestPki;
let otherPki: TestPki;
beforeAll(async () => {
  [pki, otherPki] = await Promise.all([createTestPki(), createTestPki('Rogue')]);
});

const entries = [
  { aaguid: A, description: 'Good key', statuses: ['FIDO_CERTIFIED_L1'] },
  { aaguid: R, description: 'Revoked key', statuses: ['FIDO_CERTIFIED_L1', 'REVOKED'] },
];

describe('verifyMdsBlob', () => {
  it('accepts a BLOB signed by a chain to the configured root', async () => {
    const blob = await signBlob(pki, blobPayload(entries, { no: 3 }));
    const r = await verifyMdsBlob({ blob, roots: [pki.rootPem], now });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.payload.no).toBe(3);
    const index = buildMdsIndex(r.payload);
    expect(index.verdict(A)).toMatchObject({
      known: true,
      description: 'Good key',
      status: 'FIDO_CERTIFIED_L1',
    });
    expect(index.verdict(R)).toMatchObject({
      known: true,
      status: 'REVOKED',
      blockedBy: 'REVOKED',
    });
  });

  it('rejects a chain to another root', async () => {
    const blob = await signBlob(otherPki, blobPayload(entries));
    const r = await verifyMdsBlob({ blob, roots: [pki.rootPem], now });
    expect(r).toMatchObject({ ok: false, error: { check: 'MDS_CHAIN_INVALID' } });
  });

  it('rejects a bad signature (payload altered after signing)', async () => {
    const blob = await signBlob(pki, blobPayload(entries));
    const [h, , s] = blob.split('.');
    const forged = Buffer.from(
      JSON.stringify(
        blobPayload([{ aaguid: R, description: 'x', statuses: ['FIDO_CERTIFIED_L3'] }]),
      ),
    ).toString('base64url');
    const r = await verifyMdsBlob({ blob: `${h}.${forged}.${s}`, roots: [pki.rootPem], now });
    expect(r).toMatchObject({ ok: false, error: { check: 'MDS_SIGNATURE_INVALID' } });
  });

  it('rejects a BLOB signed by a key other than the x5c leaf', async () => {
    const blob = await signBlob({ ...pki, leafKey: otherPki.leafKey }, blobPayload(entries));
    expect(await verifyMdsBlob({ blob, roots: [pki.rootPem], now })).toMatchObject({
      ok: false,
      error: { check: 'MDS_SIGNATURE_INVALID' },
    });
  });

  it('rejects a BLOB whose nextUpdate has passed', async () => {
    const blob = await signBlob(pki, blobPayload(entries, { nextUpdate: '2026-05-31' }));
    const r = await verifyMdsBlob({ blob, roots: [pki.rootPem], now });
    expect(r).toMatchObject({ ok: false, error: { check: 'MDS_BLOB_EXPIRED' } });
    if (!r.ok) expect(r.error.message).toContain('2026-05-31');
  });

  it('accepts a passed nextUpdate only when asked to (re-checking the cached BLOB)', async () => {
    const blob = await signBlob(pki, blobPayload(entries, { nextUpdate: '2026-05-31' }));
    const r = await verifyMdsBlob({ blob, roots: [pki.rootPem], now, allowExpired: true });
    expect(r.ok).toBe(true);
    const forged = await signBlob(otherPki, blobPayload(entries, { nextUpdate: '2026-05-31' }));
    const bad = await verifyMdsBlob({
      blob: forged,
      roots: [pki.rootPem],
      now,
      allowExpired: true,
    });
    expect(bad).toMatchObject({ ok: false, error: { check: 'MDS_CHAIN_INVALID' } });
  });

  it('accepts a BLOB on its nextUpdate day', async () => {
    const blob = await signBlob(pki, blobPayload(entries, { nextUpdate: '2026-06-01' }));
    expect((await verifyMdsBlob({ blob, roots: [pki.rootPem], now })).ok).toBe(true);
  });

  it.each([
    ['not a JWS', 'hello', 'MDS_BLOB_INVALID'],
    [
      'no x5c',
      `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.e30.AA`,
      'MDS_BLOB_INVALID',
    ],
    [
      'garbage x5c',
      `${Buffer.from('{"alg":"ES256","x5c":["AAAA"]}').toString('base64url')}.e30.AA`,
      'MDS_CHAIN_INVALID',
    ],
  ])('rejects %s', async (_, blob, code) => {
    expect(await verifyMdsBlob({ blob, roots: [pki.rootPem], now })).toMatchObject({
      ok: false,
      error: { check: code },
    });
  });

  it('rejects a payload that is not an MDS BLOB, naming the field', async () => {
    const blob = await signBlob(pki, { no: 1, entries: [] });
    const r = await verifyMdsBlob({ blob, roots: [pki.rootPem], now });
    expect(r).toMatchObject({ ok: false, error: { check: 'MDS_BLOB_INVALID' } });
    if (!r.ok) expect(r.error.message).toContain('nextUpdate');
  });

  it('rejects when the chain is only valid before the given time', async () => {
    const blob = await signBlob(pki, blobPayload(entries, { nextUpdate: '2099-01-01' }));
    const r = await verifyMdsBlob({
      blob,
      roots: [pki.rootPem],
      now: new Date('2045-01-01T00:00:00Z'),
    });
    expect(r).toMatchObject({ ok: false, error: { check: 'MDS_CHAIN_INVALID' } });
  });
});

describe('selectBlob (keep the last good BLOB)', () => {
  it('keeps the current BLOB when a new one fails, and says why', async () => {
    const good = await verifyMdsBlob({
      blob: await signBlob(pki, blobPayload(entries, { no: 2 })),
      roots: [pki.rootPem],
      now,
    });
    const bad = await verifyMdsBlob({
      blob: await signBlob(otherPki, blobPayload(entries, { no: 3 })),
      roots: [pki.rootPem],
      now,
    });
    if (!good.ok) throw new Error('fixture');
    const r = selectBlob({ current: good.payload, candidate: bad });
    expect(r).toMatchObject({
      use: 'current',
      payload: { no: 2 },
      rejected: { check: 'MDS_CHAIN_INVALID' },
    });
  });
  it('keeps the current BLOB when the new one is not newer', async () => {
    const cur = blobPayload(entries, { no: 5 });
    const candidate = await verifyMdsBlob({
      blob: await signBlob(pki, blobPayload(entries, { no: 5 })),
      roots: [pki.rootPem],
      now,
    });
    expect(selectBlob({ current: cur, candidate })).toMatchObject({
      use: 'current',
      rejected: { check: 'MDS_BLOB_STALE' },
    });
  });
  it('takes a newer good BLOB, and a first good BLOB', async () => {
    const candidate = await verifyMdsBlob({
      blob: await signBlob(pki, blobPayload(entries, { no: 6 })),
      roots: [pki.rootPem],
      now,
    });
    expect(selectBlob({ current: blobPayload(entries, { no: 5 }), candidate })).toMatchObject({
      use: 'candidate',
      payload: { no: 6 },
    });
    expect(selectBlob({ current: undefined, candidate })).toMatchObject({ use: 'candidate' });
  });
});
