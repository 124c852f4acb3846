import { readFile, writeFile } from 'node:fs/promises';
import { policyRequests } from '@keyward/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from './fixtures/mdsBlob.ts';
import { SIM_AAGUIDS } from './fixtures/simProfiles.ts';
import { simKey } from './support/simKey.ts';
import { type PolicyStack, startPolicyStack } from './support/stack.ts';

let stack: PolicyStack;
let rogue: TestPki;
let admin: string;
let policyId: string;

const good = [
  {
    aaguid: SIM_AAGUIDS.generic,
    description: 'Keyward sim generic',
    statuses: ['FIDO_CERTIFIED_L1'],
  },
  {
    aaguid: SIM_AAGUIDS.enterprise,
    description: 'Keyward sim enterprise',
    statuses: ['FIDO_CERTIFIED_L2'],
  },
];
const revoked = [
  {
    aaguid: SIM_AAGUIDS.generic,
    description: 'Keyward sim generic',
    statuses: ['FIDO_CERTIFIED_L1', 'REVOKED'],
  },
  good[1]!,
];

beforeAll(async () => {
  [stack, rogue] = await Promise.all([startPolicyStack({ entries: good }), createTestPki('Rogue')]);
  admin = stack.token(['policy:write', 'device:read']);
  const res = await stack.http('POST', '/policies', {
    token: admin,
    body: { name: 'MDS', pin: { minLength: 6 } },
  });
  policyId = res.body.id;
});
afterAll(async () => {
  await stack?.stop();
});

const status = async () => (await stack.http('GET', '/mds', { token: admin })).body;
const refresh = async () => stack.http('POST', '/mds/refresh', { token: admin });
async function planFor(profile: 'generic' | 'enterprise') {
  const key = await simKey(profile, `SN-mds-${profile}-${Date.now().toString(36)}`);
  try {
    return await stack.call(policyRequests.plan, await key.planRequest(policyId));
  } finally {
    await key.close();
  }
}

describe('FIDO MDS3 BLOB trust (tests sign their own BLOBs with their own root)', () => {
  it('loads a BLOB with a good signature at start and answers per AAGUID', async () => {
    expect(await status()).toMatchObject({
      configured: true,
      loaded: true,
      no: 1,
      entries: 2,
      stale: false,
    });
    const entry = await stack.http('GET', `/mds/entries/${SIM_AAGUIDS.enterprise}`, {
      token: admin,
    });
    expect(entry.body).toMatchObject({
      known: true,
      description: 'Keyward sim enterprise',
      certificationLevel: 'FIDO_CERTIFIED_L2',
    });
    const unknown = await stack.http('GET', `/mds/entries/${SIM_AAGUIDS['nfc-only']}`, {
      token: admin,
    });
    expect(unknown.body).toEqual({ aaguid: SIM_AAGUIDS['nfc-only'], known: false });
  });

  it('keeps the last good BLOB when a new one chains to another root', async () => {
    await stack.writeBlob(revoked, { no: 2, pki: rogue });
    const res = await refresh();
    expect(res.body).toMatchObject({ no: 1, lastError: { check: 'MDS_CHAIN_INVALID' } });
    expect(await planFor('generic')).toMatchObject({ ok: true, data: { allowed: true } });
  });

  it('keeps the last good BLOB when the signature is bad', async () => {
    const blob = await stack.writeBlob(revoked, { no: 2 });
    const [h, p, s] = blob.split('.');
    const flipped = `${s!.startsWith('A') ? 'B' : 'A'}${s!.slice(1)}`;
    await writeFile(stack.blobPath, `${h}.${p}.${flipped}`);
    expect((await refresh()).body).toMatchObject({
      no: 1,
      lastError: { check: 'MDS_SIGNATURE_INVALID' },
    });
  });

  it('keeps the last good BLOB when the new one is past nextUpdate', async () => {
    await stack.writeBlob(revoked, { no: 2, nextUpdate: '2026-05-01' });
    const res = await refresh();
    expect(res.body).toMatchObject({
      no: 1,
      lastError: { check: 'MDS_BLOB_EXPIRED', message: expect.stringContaining('2026-05-01') },
    });
    expect(await planFor('generic')).toMatchObject({ ok: true, data: { allowed: true } });
  });

  it('takes a good newer BLOB: a REVOKED entry blocks that key, others stay allowed', async () => {
    await stack.writeBlob(revoked, { no: 3 });
    const res = await refresh();
    expect(res.body).toMatchObject({ no: 3, loaded: true });
    expect(res.body.lastError).toBeUndefined();
    const generic = await planFor('generic');
    expect(generic).toMatchObject({ ok: true, data: { allowed: false, steps: [], secrets: {} } });
    expect(generic.ok && generic.data.reasons).toEqual([
      `metadata status REVOKED for AAGUID ${SIM_AAGUIDS.generic}`,
    ]);
    expect(await planFor('enterprise')).toMatchObject({ ok: true, data: { allowed: true } });
  });

  it('ignores a good BLOB that is not newer than the one in use', async () => {
    await stack.writeBlob(good, { no: 3 });
    expect((await refresh()).body).toMatchObject({ no: 3, lastError: { check: 'MDS_BLOB_STALE' } });
    expect(await planFor('generic')).toMatchObject({ ok: true, data: { allowed: false } });
  });

  it('a restart keeps trusting the cached BLOB even after nextUpdate passed, and says it is stale', async () => {
    await writeFile(stack.blobPath, 'not a jws');
    stack.clock.current = new Date('2031-01-01T00:00:00Z');
    await stack.restart();
    const s = await status();
    expect(s).toMatchObject({
      loaded: true,
      no: 3,
      stale: true,
      lastError: { check: 'MDS_BLOB_INVALID' },
    });
    expect(await planFor('generic')).toMatchObject({ ok: true, data: { allowed: false } });
    stack.clock.current = new Date('2026-06-01T12:00:00Z');
    expect(await readFile(stack.blobPath, 'utf8')).toBe('not a jws');
  });

  it('refresh needs policy:write; status needs device:read', async () => {
    expect(
      (await stack.http('POST', '/mds/refresh', { token: stack.token(['device:read']) })).status,
    ).toBe(403);
    expect((await stack.http('GET', '/mds', { token: stack.token([]) })).status).toBe(403);
  });
});
