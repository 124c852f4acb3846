import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildEvent } from './buildEvent.ts';
import { deviceEvents } from './domains/device.ts';
import { isKeywardError, type KeywardError } from './errors.ts';
import { parseEvent } from './parseEvent.ts';

const ref = {
  gatewayId: 'gw-1',
  deviceId: 'hid-1',
  serial: 'SIM0001',
  aaguid: '2fc0579f-8113-47ea-b116-bb5a8db9202a',
};

function catchError(fn: () => unknown): KeywardError {
  try {
    fn();
  } catch (error) {
    if (isKeywardError(error)) return error;
    throw error;
  }
  throw new Error('expected a KeywardError');
}

describe('buildEvent', () => {
  it('builds a CloudEvent with a ULID id, ISO time and the subject from the type', () => {
    const event = buildEvent(deviceEvents.reset, {
      source: 'keyward/device-gateway/gw-1',
      actor: 'user:alice',
      subject: 'SIM0001',
      data: ref,
    });
    expect(event.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(new Date(event.time).toISOString()).toBe(event.time);
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'keyward.device.reset',
      datacontenttype: 'application/json',
      actor: 'user:alice',
      data: ref,
    });
    expect(deviceEvents.reset.subject).toBe('keyward.evt.device.reset');
  });

  it('gives each event a distinct, increasing id', () => {
    const opts = { source: 's', actor: 'service:test', data: ref };
    const ids = Array.from({ length: 50 }, () => buildEvent(deviceEvents.reset, opts).id);
    expect(new Set(ids).size).toBe(50);
    expect([...ids].sort()).toEqual(ids);
  });

  it('round-trips through JSON bytes and parseEvent unchanged', () => {
    const event = buildEvent(deviceEvents.pinViewed, {
      source: 'keyward/device-gateway/gw-1',
      actor: 'user:alice',
      data: { ...ref, revealed: ['user'] },
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      time: new Date('2026-01-02T03:04:05.678Z'),
    });
    const parsed = parseEvent(new TextEncoder().encode(JSON.stringify(event)));
    expect(parsed).toMatchObject({ ok: true, event });
    if (parsed.ok) expect(parsed.definition).toBe(deviceEvents.pinViewed);
  });

  it('keeps a given id so a retried publish is the same event', () => {
    const id = '01JD0000000000000000000000';
    const event = buildEvent(deviceEvents.reset, {
      source: 's',
      actor: 'service:x',
      data: ref,
      id,
    });
    expect(event.id).toBe(id);
  });

  it('rejects invalid data with INVALID_EVENT naming the field', () => {
    const error = catchError(() =>
      buildEvent(deviceEvents.reset, {
        source: 's',
        actor: 'service:x',
        data: { ...ref, aaguid: 'not-a-guid' },
      }),
    );
    expect(error.code).toBe('INVALID_EVENT');
    expect(error.message).toContain('data.aaguid');
  });

  it('rejects an actor that is neither user: nor service:', () => {
    const error = catchError(() =>
      buildEvent(deviceEvents.reset, { source: 's', actor: 'alice', data: ref }),
    );
    expect(error.code).toBe('INVALID_EVENT');
    expect(error.message).toContain('actor');
  });

  it('drops keys the schema does not know, so a stray PIN is never published', () => {
    const data = { ...ref, pin: '123456' } as typeof ref;
    const event = buildEvent(deviceEvents.reset, { source: 's', actor: 'service:x', data });
    expect(JSON.stringify(event)).not.toContain('123456');
  });

  it('types data from the definition', () => {
    const event = buildEvent(deviceEvents.configured, {
      source: 's',
      actor: 'service:x',
      data: { ...ref, policyId: 'p1', policyVersion: 1, steps: ['setPin'], pinSet: true },
    });
    expectTypeOf(event.type).toEqualTypeOf<'keyward.device.configured'>();
    expectTypeOf(event.data.policyVersion).toEqualTypeOf<number>();
    expectTypeOf(event.data.adminPinSet).toEqualTypeOf<boolean>();
  });
});
