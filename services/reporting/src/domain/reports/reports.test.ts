import { describe, expect, it } from 'vitest';
import { emptyDevice } from '../inventory/applyInventoryEvent.ts';
import { countDevicesBy } from './devicesReport.ts';
import { foldProvisioning } from './provisioningReport.ts';
import { foldSessions } from './sessionsReport.ts';
import type { ReportRecord } from './types.ts';

let n = 0;
function rec(type: string, minute: number, data: Record<string, unknown>): ReportRecord {
  n += 1;
  return {
    eventId: `E${String(n).padStart(4, '0')}`,
    type,
    time: new Date(Date.UTC(2026, 10, 22, 5, minute)),
    actor: 'user:alice',
    serial: (data.serial as string) ?? null,
    gatewayId: 'gw-1',
    user: null,
    data,
  };
}

describe('reports', () => {
  it('counts devices by status, by policy and by IdP', async () => {
    const devices = [
      {
        ...emptyDevice('A'),
        status: 'CONFIGURED' as const,
        policyId: 'p1',
        policyVersion: 2,
        idpId: 'entra-1',
      },
      { ...emptyDevice('B'), status: 'CONFIGURED' as const, policyId: 'p1', policyVersion: 2 },
      emptyDevice('C'),
    ];
    expect(await countDevicesBy(devices, 'status')).toEqual([
      { by: 'status', key: 'CONFIGURED', count: 2 },
      { by: 'status', key: 'NOT_CONFIGURED', count: 1 },
    ]);
    expect(await countDevicesBy(devices, 'policy')).toEqual([
      { by: 'policy', key: '(none)', count: 1 },
      { by: 'policy', key: 'p1@2', count: 2 },
    ]);
    expect(await countDevicesBy(devices, 'idp')).toEqual([
      { by: 'idp', key: '(none)', count: 2 },
      { by: 'idp', key: 'entra-1', count: 1 },
    ]);
  });

  it('summarises a session from its completion counts, and a running one from progress', async () => {
    const rows = await foldSessions([
      rec('keyward.session.completed', 9, {
        sessionId: 's1',
        kind: 'configure',
        outcome: 'completed',
        counts: { total: 3, succeeded: 2, failed: 1, interrupted: 0, skipped: 0 },
      }),
      rec('keyward.session.started', 1, {
        sessionId: 's1',
        kind: 'configure',
        mode: 'selected',
        gatewayId: 'gw-1',
      }),
      rec('keyward.session.started', 2, { sessionId: 's2', kind: 'enroll', mode: 'one' }),
      rec('keyward.session.progress', 3, {
        sessionId: 's2',
        deviceId: 'd1',
        step: 'x',
        state: 'failed',
        outcome: 'failed',
      }),
      rec('keyward.session.progress', 4, {
        sessionId: 's2',
        deviceId: 'd1',
        step: 'x',
        state: 'done',
        outcome: 'succeeded',
      }),
    ]);
    expect(rows).toMatchObject([
      {
        sessionId: 's1',
        kind: 'configure',
        mode: 'selected',
        outcome: 'completed',
        total: 3,
        succeeded: 2,
        failed: 1,
      },
      { sessionId: 's2', outcome: 'running', total: 1, succeeded: 1, failed: 0 },
    ]);
  });

  it('counts each provisioning user once by the latest outcome and derives pending', async () => {
    const user = (id: string) => ({ id });
    const rows = await foldProvisioning([
      rec('keyward.provisioning.created', 1, {
        requestId: 'r1',
        policyId: 'p1',
        mode: 'manual',
        total: 4,
      }),
      rec('keyward.provisioning.user_failed', 2, {
        requestId: 'r1',
        user: user('u1'),
        error: { code: 'X', message: 'x' },
      }),
      rec('keyward.provisioning.user_provisioned', 3, {
        requestId: 'r1',
        user: user('u1'),
        serial: 'S1',
      }),
      rec('keyward.provisioning.user_skipped', 4, {
        requestId: 'r1',
        user: user('u2'),
        reason: 'no key',
      }),
      rec('keyward.provisioning.user_failed', 5, {
        requestId: 'r1',
        user: user('u3'),
        error: { code: 'X', message: 'x' },
      }),
    ]);
    expect(rows).toMatchObject([
      { requestId: 'r1', total: 4, provisioned: 1, failed: 1, skipped: 1, pending: 1 },
    ]);
  });
});
