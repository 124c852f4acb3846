import { describe, expect, it } from 'vitest';
import { buildMdsIndex } from './mdsIndex.ts';
import { BLOCKING_STATUSES } from './mdsSchema.ts';

const A = 'aaaaaaaa-1111-1111-1111-111111111111';

function index(
  statusReports: { status: string; effectiveDate?: string }[],
  extra: Record<string, unknown> = {},
) {
  return buildMdsIndex({
    no: 1,
    nextUpdate: '2030-01-01',
    entries: [{ aaguid: A, statusReports, ...extra }],
  });
}

describe('buildMdsIndex', () => {
  it.each(BLOCKING_STATUSES)('blocks on %s even if a later report recertifies', (status) => {
    const v = index([
      { status, effectiveDate: '2024-01-01' },
      { status: 'FIDO_CERTIFIED_L1', effectiveDate: '2024-02-01' },
    ]).verdict(A);
    expect(v).toMatchObject({ known: true, blockedBy: status, status: 'FIDO_CERTIFIED_L1' });
  });
  it.each(['UPDATE_AVAILABLE', 'NOT_FIDO_CERTIFIED', 'SELF_ASSERTION_SUBMITTED', 'FIDO_CERTIFIED'])(
    'does not block on %s',
    (status) => {
      expect(index([{ status }]).verdict(A)).not.toHaveProperty('blockedBy');
    },
  );
  it('orders reports by effectiveDate, not array order', () => {
    const v = index([
      { status: 'FIDO_CERTIFIED_L2', effectiveDate: '2024-05-01' },
      { status: 'FIDO_CERTIFIED_L1', effectiveDate: '2023-01-01' },
    ]).verdict(A);
    expect(v).toMatchObject({
      status: 'FIDO_CERTIFIED_L2',
      certificationLevel: 'FIDO_CERTIFIED_L2',
    });
  });
  it('looks AAGUIDs up case-insensitively and reports unknown ones', () => {
    const idx = index([{ status: 'FIDO_CERTIFIED_L1' }]);
    expect(idx.verdict(A.toUpperCase()).known).toBe(true);
    expect(idx.verdict('bbbbbbbb-1111-1111-1111-111111111111')).toEqual({
      known: false,
      aaguid: 'bbbbbbbb-1111-1111-1111-111111111111',
    });
    expect(idx.size).toBe(1);
  });
  it('exposes attestation roots and ep support from the metadata statement', () => {
    const v = index([{ status: 'FIDO_CERTIFIED_L1' }], {
      metadataStatement: {
        attestationRootCertificates: ['MIIB'],
        authenticatorGetInfo: { options: { ep: false } },
      },
    }).verdict(A);
    expect(v).toMatchObject({
      attestationRootCertificates: ['MIIB'],
      enterpriseAttestationSupported: true,
    });
  });
  it('skips entries without an AAGUID (UAF/U2F)', () => {
    const idx = buildMdsIndex({
      no: 1,
      nextUpdate: '2030-01-01',
      entries: [{ aaid: '4e4e#4005', statusReports: [] }],
    });
    expect(idx.size).toBe(0);
  });
});
