import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildEvent } from './buildEvent.ts';
import { deviceEvents } from './domains/device.ts';
import { parseEvent } from './parseEvent.ts';

const valid = buildEvent(deviceEvents.detached, {
  source: 'keyward/device-gateway/gw-1',
  actor: 'service:device-gateway',
  data: {
    gatewayId: 'gw-1',
    deviceId: 'hid-1',
    serial: 'SIM0001',
    aaguid: '00000000-0000-0000-0000-000000000000',
  },
});

function errorOf(raw: unknown) {
  const result = parseEvent(raw);
  if (result.ok) throw new Error('expected a parse failure');
  return result.error;
}

describe('parseEvent', () => {
  it('accepts an already-parsed object and a JSON string', () => {
    expect(parseEvent(valid).ok).toBe(true);
    expect(parseEvent(JSON.stringify(valid)).ok).toBe(true);
  });

  it('reports bytes that are not JSON as MALFORMED_EVENT', () => {
    const error = errorOf(new TextEncoder().encode('{"specversion":'));
    expect(error.code).toBe('MALFORMED_EVENT');
    expect(error.message).toMatch(/not JSON/);
  });

  it('reports bytes that are not UTF-8 as MALFORMED_EVENT', () => {
    expect(errorOf(new Uint8Array([0xff, 0xfe, 0x00])).code).toBe('MALFORMED_EVENT');
  });

  it('reports JSON that is not a CloudEvent as MALFORMED_EVENT naming the attribute', () => {
    const { specversion: _drop, ...rest } = valid;
    const error = errorOf(rest);
    expect(error.code).toBe('MALFORMED_EVENT');
    expect(error.message).toContain('specversion');
  });

  it('reports an id that is not a ULID', () => {
    const error = errorOf({ ...valid, id: 'abc' });
    expect(error.code).toBe('MALFORMED_EVENT');
    expect(error.message).toContain('id');
  });

  it('reports an unknown type as UNKNOWN_EVENT_TYPE naming it', () => {
    const error = errorOf({ ...valid, type: 'keyward.device.teleported' });
    expect(error.code).toBe('UNKNOWN_EVENT_TYPE');
    expect(error.message).toContain('keyward.device.teleported');
  });

  it('reports invalid data as INVALID_EVENT naming the field', () => {
    const error = errorOf({ ...valid, data: { ...valid.data, serial: 42 } });
    expect(error.code).toBe('INVALID_EVENT');
    expect(error.message).toContain('data.serial');
    expect(error.details).toMatchObject({ issues: [{ path: 'data.serial' }] });
  });

  it('narrows data by type', () => {
    const result = parseEvent(valid);
    if (!result.ok) throw result.error;
    const { event } = result;
    if (event.type === 'keyward.device.configured') {
      expectTypeOf(event.data.steps).toEqualTypeOf<
        Array<
          | 'setPin'
          | 'changePin'
          | 'setMinPinLength'
          | 'forcePinChange'
          | 'setAlwaysUv'
          | 'enableEnterpriseAttestation'
          | 'setAdminPin'
        >
      >();
    }
    expect(event.type).toBe('keyward.device.detached');
  });
});
