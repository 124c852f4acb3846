import type { DeviceStatus, InventoryDevice } from '@keyward/contracts';
import type { KeyRun, SessionKind } from './session.ts';

/** What the inventory shows once it has projected an operation's events. */
export interface InventoryExpectation {
  policyId?: string;
  policyVersion?: number;
  /** Statuses any of which count; `absent` = no record is fine too. */
  statuses?: readonly (DeviceStatus | 'absent')[];
}

/**
 * What a succeeded key run changes in the reporting inventory, which projects events
 * asynchronously; undefined when the run changes nothing there (test, unlock).
 */
export function expectationAfter(kind: SessionKind, run: KeyRun): InventoryExpectation | undefined {
  switch (kind) {
    case 'configure':
    case 'apply-policy':
      // Both start from NOT CONFIGURED or READY (domain/deviceActions.ts) and end CONFIGURED.
      return {
        statuses: ['CONFIGURED'],
        ...(run.policyId ? { policyId: run.policyId } : {}),
        ...(run.policyVersion !== undefined ? { policyVersion: run.policyVersion } : {}),
      };
    case 'enroll':
      return { statuses: ['ENROLLED'] };
    case 'reset':
      return { statuses: ['NOT_CONFIGURED', 'absent'] };
    default:
      return undefined;
  }
}

/** Has the inventory record caught up with the expectation? */
export function inventoryReflects(
  expected: InventoryExpectation,
  record: InventoryDevice | undefined,
): boolean {
  if (expected.statuses && !expected.statuses.includes(record ? record.status : 'absent'))
    return false;
  if (expected.policyId !== undefined && record?.policyId !== expected.policyId) return false;
  if (expected.policyVersion !== undefined && record?.policyVersion !== expected.policyVersion)
    return false;
  return true;
}
