import { describe, expect, it } from 'vitest';
import {
  deviceBusy,
  isLeaseExpired,
  isSameHolder,
  type LeaseHolder,
  leaseKey,
  parseHolder,
} from './lease.ts';

const holder: LeaseHolder = {
  gatewayId: 'ws-1',
  operationId: 'S01',
  operation: 'configure',
  actor: 'user:alice',
  since: '2026-01-01T00:00:00.000Z',
  renewedAt: '2026-01-01T00:00:10.000Z',
};

describe('lease rules', () => {
  it('expires a lease only after a full TTL without renewal', () => {
    const renewed = Date.parse(holder.renewedAt);
    expect(isLeaseExpired(holder, renewed + 29_999, 30_000)).toBe(false);
    expect(isLeaseExpired(holder, renewed + 30_000, 30_000)).toBe(true);
  });

  it('builds a DEVICE_BUSY error naming holder and since', () => {
    const e = deviceBusy('SN1', holder);
    expect(e.code).toBe('DEVICE_BUSY');
    expect(e.message).toBe(
      'device busy: held by user:alice (configure S01 on gateway ws-1) since 2026-01-01T00:00:00.000Z',
    );
    expect(e.details).toMatchObject({ serial: 'SN1', holder: { actor: 'user:alice' } });
  });

  it('makes a valid, injective KV key from any serial', () => {
    expect(leaseKey('ABC-123')).toBe('device.ABC-123');
    expect(leaseKey('a b')).toBe('device.a_20b');
    expect(leaseKey('a_20b')).not.toBe(leaseKey('a b'));
    expect(leaseKey('ü/*')).toMatch(/^device\.[-=._a-zA-Z0-9]+$/);
  });

  it('treats the same gateway and session as the same holder (a restarted gateway resuming)', () => {
    expect(isSameHolder(holder, { gatewayId: 'ws-1', operationId: 'S01' })).toBe(true);
    expect(isSameHolder(holder, { gatewayId: 'ws-2', operationId: 'S01' })).toBe(false);
    expect(isSameHolder(holder, { gatewayId: 'ws-1', operationId: 'S02' })).toBe(false);
  });

  it('accepts only complete holder records', () => {
    expect(parseHolder(holder)).toEqual(holder);
    expect(parseHolder({ ...holder, actor: 1 })).toBeUndefined();
    expect(parseHolder('x')).toBeUndefined();
  });
});
