import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRequest, forInstance } from './define.ts';
import { gatewayRequests } from './domains/gateway.ts';
import { dlqSubject, eventSubject, gatewaySubject } from './subjects.ts';

describe('subjects', () => {
  it('maps an event type to its subject', () => {
    expect(eventSubject('keyward.device.configured')).toBe('keyward.evt.device.configured');
    expect(() => eventSubject('device.configured')).toThrow(TypeError);
  });

  it('names dead-letter and gateway subjects', () => {
    expect(dlqSubject('reporting-audit')).toBe('keyward.dlq.reporting-audit');
    expect(gatewaySubject('gw-1', 'devices')).toBe('keyward.gateway.gw-1.devices');
    expect(() => gatewaySubject('gw.1', 'devices')).toThrow(TypeError);
  });

  it('fills a per-instance request subject', () => {
    expect(forInstance(gatewayRequests.devices, 'gw-1').subject).toBe(
      'keyward.gateway.gw-1.devices',
    );
    const fixed = defineRequest('keyward.x.y', z.object({}), z.object({}));
    expect(() => forInstance(fixed, 'gw-1')).toThrow(TypeError);
  });
});
