import { describe, expect, it } from 'vitest';
import type { ReportedEvent } from '../audit/types.ts';
import { applyInventoryEvent } from './applyInventoryEvent.ts';
import type { InventoryRecord } from './types.ts';

const gw = 'keyward/device-gateway/gw-1';
let n = 0;
function ev(
  type: string,
  minute: number,
  data: Record<string, unknown>,
  source = gw,
): ReportedEvent {
  n += 1;
  return {
    id: `01JEV${String(minute).padStart(4, '0')}${String(n).padStart(17, '0')}`,
    type,
    source,
    time: `2026-11-22T05:${String(minute).padStart(2, '0')}:00.000Z`,
    actor: 'user:alice',
    data,
  };
}

const ref = (serial: string) => ({
  gatewayId: 'gw-1',
  deviceId: `hid-${serial}`,
  serial,
  aaguid: '00000000-0000-0000-0000-0000000000a1',
});
const bob = { id: 'u-bob', email: 'bob@x.test' };

const lifecycle = [
  ev('keyward.device.attached', 1, {
    ...ref('S1'),
    name: 'Key',
    transport: 'usb',
    deviceType: 'usb-key',
    versions: ['FIDO_2_1'],
  }),
  ev('keyward.device.configured', 2, {
    ...ref('S1'),
    policyId: 'p1',
    policyVersion: 1,
    steps: ['setPin'],
    pinSet: true,
  }),
  ev('keyward.device.configured', 3, {
    ...ref('S1'),
    policyId: 'p1',
    policyVersion: 2,
    steps: [],
    pinSet: true,
  }),
  ev('keyward.device.configure_failed', 4, {
    ...ref('S1'),
    policyId: 'p1',
    error: { code: 'DEVICE_LOCKED', message: 'PIN blocked' },
    retryable: false,
  }),
  ev('keyward.device.unlocked', 5, {
    ...ref('S1'),
    method: 'admin-pin',
    newPinSource: 'generated',
  }),
  ev(
    'keyward.enrollment.completed',
    6,
    {
      enrollmentId: 'e1',
      idpId: 'entra',
      user: bob,
      serial: 'S1',
      credentialId: 'c1',
      idpCredentialId: 'ic1',
    },
    'keyward/identity',
  ),
];

function reduce(events: ReportedEvent[]): InventoryRecord | null {
  let doc: InventoryRecord | null = null;
  for (const e of events) {
    const r = applyInventoryEvent(doc, e);
    if (r.changed) doc = r.device;
  }
  return doc;
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('applyInventoryEvent', () => {
  it('follows a key through its lifecycle in order', () => {
    expect(reduce(lifecycle)).toMatchObject({
      serial: 'S1',
      aaguid: '00000000-0000-0000-0000-0000000000a1',
      status: 'ENROLLED',
      policyId: 'p1',
      policyVersion: 2,
      user: bob,
      idpId: 'entra',
      credentialId: 'c1',
      enrollmentId: 'e1',
      locked: false,
      lastSeen: { gatewayId: 'gw-1', at: '2026-11-22T05:05:00.000Z' },
    });
  });

  it('converges to the in-order result under any delivery order with duplicates', () => {
    const expected = reduce(lifecycle);
    for (let seed = 1; seed <= 50; seed++) {
      const withDuplicates = shuffled(
        [...lifecycle, ...lifecycle.slice(0, seed % lifecycle.length)],
        seed,
      );
      expect(reduce(withDuplicates)).toEqual(expected);
    }
  });

  it('shows a linked, unconfigured key as READY with the linked policy until it is configured, then IN STOCK when parked', () => {
    const policy = 'keyward/policy';
    const linked = ev(
      'keyward.policy.device_linked',
      20,
      {
        serial: 'S9',
        policyId: 'p7',
        policyVersion: 3,
      },
      policy,
    );
    const attached = ev('keyward.device.attached', 21, {
      ...ref('S9'),
      name: 'Key',
      transport: 'usb',
      deviceType: 'usb-key',
      versions: ['FIDO_2_1'],
    });
    const configured = ev('keyward.device.configured', 22, {
      ...ref('S9'),
      policyId: 'p7',
      policyVersion: 3,
      steps: ['setPin'],
      pinSet: true,
    });
    const stocked = ev('keyward.device.stocked', 23, { ...ref('S9'), policyId: 'p7' });
    const reset = ev('keyward.device.reset', 24, ref('S9'));
    const unlinked = ev(
      'keyward.policy.device_unlinked',
      25,
      { serial: 'S9', policyId: 'p7' },
      policy,
    );

    expect(reduce([linked, attached])).toMatchObject({
      status: 'READY',
      linkedPolicyId: 'p7',
      linkedPolicyVersion: 3,
      policyId: null,
    });
    expect(reduce([linked, attached, configured])).toMatchObject({
      status: 'CONFIGURED',
      policyId: 'p7',
    });
    expect(reduce([linked, attached, configured, stocked])?.status).toBe('IN_STOCK');
    // A reset key that is still linked is READY again; unlinking makes it plain NOT_CONFIGURED.
    expect(reduce([linked, attached, configured, stocked, reset])?.status).toBe('READY');
    const all = [linked, attached, configured, stocked, reset, unlinked];
    expect(reduce(all)?.status).toBe('NOT_CONFIGURED');
    for (let seed = 1; seed <= 30; seed++) expect(reduce(shuffled(all, seed))).toEqual(reduce(all));
  });

  it('never lets an older event overwrite newer state', () => {
    const enrolled = ev('keyward.device.enrolled', 10, {
      ...ref('S2'),
      idpId: 'okta',
      user: bob,
      enrollmentId: 'e2',
      credentialId: 'c2',
    });
    const older = ev('keyward.device.configured', 9, {
      ...ref('S2'),
      policyId: 'old',
      policyVersion: 1,
      steps: [],
      pinSet: true,
    });
    expect(reduce([enrolled, older])).toMatchObject({
      status: 'ENROLLED',
      policyId: 'old',
      credentialId: 'c2',
    });
  });

  it('marks a key locked when an operation failed with DEVICE_LOCKED', () => {
    expect(reduce(lifecycle.slice(0, 4))).toMatchObject({ locked: true, status: 'CONFIGURED' });
  });

  it('ignores a redelivered event by id', () => {
    const first = applyInventoryEvent(null, lifecycle[0]!);
    expect(first.changed).toBe(true);
    const again = applyInventoryEvent(first.changed ? first.device : null, lifecycle[0]!);
    expect(again).toEqual({ changed: false, serial: 'S1', reason: 'ALREADY_APPLIED' });
  });

  it('clears assignment and credential on reset', () => {
    const reset = ev('keyward.device.reset', 7, ref('S1'));
    expect(reduce([...lifecycle, reset])).toMatchObject({
      status: 'NOT_CONFIGURED',
      policyId: null,
      user: null,
      credentialId: null,
      locked: false,
    });
  });

  it('skips events that name no device', () => {
    const policyEvent = ev(
      'keyward.policy.updated',
      1,
      { policyId: 'p1', version: 2 },
      'keyward/policy',
    );
    expect(applyInventoryEvent(null, policyEvent)).toMatchObject({
      changed: false,
      reason: 'NOT_A_DEVICE_EVENT',
    });
  });

  it("issue 19: a refusal naming an unknown serial creates no record, but joins a known key's history", () => {
    const denied = (serial: string) =>
      ev(
        'keyward.admin.access_denied',
        30,
        {
          service: 'policy',
          method: 'GET',
          path: '/devices/:serial/pins/user',
          serial,
          permission: 'device:userpin:read',
        },
        'keyward/policy',
      );
    expect(applyInventoryEvent(null, denied('SN-GHOST'))).toEqual({
      changed: false,
      serial: 'SN-GHOST',
      reason: 'NOT_A_KNOWN_DEVICE',
    });
    const known = applyInventoryEvent(null, lifecycle[0]!);
    if (!known.changed) throw new Error('expected the attach to create the key');
    const refused = applyInventoryEvent(known.device, denied(known.serial));
    expect(refused).toMatchObject({ changed: true, device: { status: known.device.status } });
    if (refused.changed) {
      expect(refused.device.history.map((h) => h.type)).toContain('keyward.admin.access_denied');
    }
  });
});
