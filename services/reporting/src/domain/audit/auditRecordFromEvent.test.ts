import { describe, expect, it } from 'vitest';
import { auditRecordFromEvent } from './auditRecordFromEvent.ts';
import { deviceEvent } from './fixtures.ts';

describe('auditRecordFromEvent', () => {
  it('lifts serial, gateway and partition out of a device event', () => {
    const record = auditRecordFromEvent({ event: deviceEvent(), streamSeq: 7 });
    expect(record).toMatchObject({
      eventId: '01JDEV0000000000000000000A',
      partition: 'device',
      serial: 'SN-0001',
      gatewayId: 'gw-1',
      user: null,
      actor: 'user:alice',
      streamSeq: 7,
    });
    expect(record.time.toISOString()).toBe('2026-11-22T05:00:00.000Z');
  });

  it('takes the user id from a userRef', () => {
    const record = auditRecordFromEvent({
      event: deviceEvent({
        type: 'keyward.enrollment.completed',
        data: { user: { id: 'u2', email: 'bob@x.test' } },
      }),
      streamSeq: 1,
    });
    expect(record.user).toBe('u2');
    expect(record.partition).toBe('enrollment');
    expect(record.serial).toBeNull();
  });

  it('never stores a PIN or secret, at any depth', () => {
    const record = auditRecordFromEvent({
      event: deviceEvent({
        data: { serial: 'S', steps: [{ op: 'setPin', pin: '123456' }], idp: { clientSecret: 'x' } },
      }),
      streamSeq: 1,
    });
    expect(record.dataJson).not.toContain('123456');
    expect(record.dataJson).toBe(
      '{"idp":{"clientSecret":"[redacted]"},"serial":"S","steps":[{"op":"setPin","pin":"[redacted]"}]}',
    );
  });

  it('rejects an unparseable time naming the field', () => {
    expect(() =>
      auditRecordFromEvent({ event: deviceEvent({ time: 'yesterday' }), streamSeq: 1 }),
    ).toThrow('event.time: was "yesterday"');
  });
});
