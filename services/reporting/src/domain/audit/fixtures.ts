import type { ReportedEvent } from './types.ts';

/** A well-formed device event as the gateway publishes it (envelope fields per design.md). */
export function deviceEvent(overrides: Partial<ReportedEvent> = {}): ReportedEvent {
  return {
    id: '01JDEV0000000000000000000A',
    type: 'keyward.device.configured',
    source: 'keyward/device-gateway/gw-1',
    subject: 'SN-0001',
    time: '2026-11-22T05:00:00.000Z',
    actor: 'user:alice',
    data: { serial: 'SN-0001', aaguid: '00000000-0000-0000-0000-000000000001', policyId: 'p1' },
    ...overrides,
  };
}
