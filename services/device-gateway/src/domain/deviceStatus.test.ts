import type { InfoSummary, InventoryDevice } from '@keyward/contracts';
import { describe, expect, it } from 'vitest';
import { deriveStatus, type InventoryLookup, statusLabel } from './deviceStatus.ts';

const AAGUID = '8f4c0add-96f0-404f-80e0-4cb0c1012d04';
const info = (extra: Partial<InfoSummary> = {}): InfoSummary => ({
  versions: ['FIDO_2_0', 'FIDO_2_1'],
  extensions: [],
  options: {},
  pinUvAuthProtocols: [2, 1],
  algorithms: [],
  transports: ['usb'],
  pinRetries: 8,
  ...extra,
});
const found = (record: Partial<InventoryDevice>): InventoryLookup => ({
  kind: 'found',
  record: { serial: 'S1', aaguid: AAGUID, status: 'CONFIGURED', ...record },
});

describe('deriveStatus', () => {
  it('reports a key without PIN and no inventory record as NOT CONFIGURED', () => {
    const r = deriveStatus({
      facts: { pinSet: false, info: info() },
      inventory: { kind: 'absent' },
    });
    expect(r.status).toBe('NOT_CONFIGURED');
    expect(r.unknown).toEqual([]);
  });

  it('reports a key without PIN but with a linked, unapplied policy as READY', () => {
    const r = deriveStatus({
      facts: { pinSet: false, info: info() },
      inventory: found({ status: 'READY', policyId: 'p1' }),
    });
    expect(r.status).toBe('READY');
  });

  it('trusts the key over the inventory when the key was reset (no PIN) but inventory says ENROLLED', () => {
    const r = deriveStatus({
      facts: { pinSet: false, info: info() },
      inventory: found({ status: 'ENROLLED', policyId: 'p1' }),
    });
    expect(r.status).toBe('NOT_CONFIGURED');
  });

  it('reports a key with a PIN that the inventory does not know as CONFIGURED', () => {
    const r = deriveStatus({
      facts: { pinSet: true, info: info() },
      inventory: { kind: 'absent' },
    });
    expect(r.status).toBe('CONFIGURED');
  });

  it.each(['IN_STOCK', 'ENROLLED', 'REVOKED'] as const)(
    'keeps the inventory status %s for a key with a PIN',
    (status) => {
      const r = deriveStatus({
        facts: { pinSet: true, info: info() },
        inventory: found({ status }),
      });
      expect(r.status).toBe(status);
    },
  );

  it('turns an inventory NOT_CONFIGURED into CONFIGURED when the key has a PIN', () => {
    const r = deriveStatus({
      facts: { pinSet: true, info: info() },
      inventory: found({ status: 'NOT_CONFIGURED' }),
    });
    expect(r.status).toBe('CONFIGURED');
  });

  it('marks inventory fields unknown but still derives a status when the inventory is unreachable', () => {
    const r = deriveStatus({
      facts: { pinSet: true, info: info() },
      inventory: { kind: 'unavailable', reason: 'no responders' },
    });
    expect(r.status).toBe('CONFIGURED');
    expect(r.unknown).toEqual(['status', 'user', 'idpId', 'policy']);
  });

  it('flags LOCKED from the key retry counter, overriding the inventory', () => {
    const locked = deriveStatus({
      facts: { pinSet: true, info: info({ pinRetries: 0 }) },
      inventory: found({ locked: false }),
    });
    expect(locked.flags.locked).toBe(true);
    const unlocked = deriveStatus({
      facts: { pinSet: true, info: info({ pinRetries: 3 }) },
      inventory: found({ locked: true }),
    });
    expect(unlocked.flags.locked).toBe(false);
  });

  it('falls back to the inventory LOCKED flag when the key reports no retry counter', () => {
    const r = deriveStatus({
      facts: { pinSet: true, info: info({ pinRetries: undefined }) },
      inventory: found({ locked: true }),
    });
    expect(r.flags.locked).toBe(true);
  });

  it('carries the BUSY and INTERRUPTED flags through', () => {
    const r = deriveStatus({
      facts: { pinSet: true, info: info() },
      inventory: { kind: 'absent' },
      busy: true,
      interrupted: true,
    });
    expect(r.flags).toEqual({ locked: false, busy: true, interrupted: true });
  });
});

describe('statusLabel', () => {
  it('renders the console labels with spaces', () => {
    expect(statusLabel('NOT_CONFIGURED')).toBe('NOT CONFIGURED');
    expect(statusLabel('IN_STOCK')).toBe('IN STOCK');
  });
});
