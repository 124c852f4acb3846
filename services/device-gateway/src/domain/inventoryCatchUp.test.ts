import type { InventoryDevice } from '@keyward/contracts';
import { describe, expect, it } from 'vitest';
import { expectationAfter, inventoryReflects } from './inventoryCatchUp.ts';
import type { KeyRun } from './session.ts';

const run: KeyRun = {
  deviceId: 'd1',
  serial: 'SN-1',
  aaguid: 'a',
  state: 'succeeded',
  completedSteps: [],
  policyId: 'std',
  policyVersion: 2,
};
const record = (fields: Partial<InventoryDevice>) =>
  ({ serial: 'SN-1', status: 'CONFIGURED', ...fields }) as InventoryDevice;

describe('inventory catch-up after a key run', () => {
  it('waits for CONFIGURED with the policy version after configure or apply-policy', () => {
    const expected = expectationAfter('configure', run)!;
    expect(inventoryReflects(expected, undefined)).toBe(false);
    expect(inventoryReflects(expected, record({ policyId: 'std', policyVersion: 1 }))).toBe(false);
    expect(inventoryReflects(expected, record({ policyId: 'std', policyVersion: 2 }))).toBe(true);
    const linked = expectationAfter('apply-policy', {
      ...run,
      policyId: undefined,
      policyVersion: undefined,
    } as KeyRun)!;
    expect(inventoryReflects(linked, record({ status: 'READY' }))).toBe(false);
    expect(inventoryReflects(linked, record({}))).toBe(true);
  });

  it('waits for ENROLLED after enroll, and for NOT CONFIGURED or no record after reset', () => {
    const enrolled = expectationAfter('enroll', run)!;
    expect(inventoryReflects(enrolled, record({}))).toBe(false);
    expect(inventoryReflects(enrolled, record({ status: 'ENROLLED' }))).toBe(true);
    const reset = expectationAfter('reset', run)!;
    expect(inventoryReflects(reset, record({}))).toBe(false);
    expect(inventoryReflects(reset, record({ status: 'NOT_CONFIGURED' }))).toBe(true);
    expect(inventoryReflects(reset, undefined)).toBe(true);
  });

  it('expects nothing of a test or an unlock', () => {
    expect(expectationAfter('test', run)).toBeUndefined();
    expect(expectationAfter('unlock', run)).toBeUndefined();
  });
});
