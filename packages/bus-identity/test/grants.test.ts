import { allEvents, allRequests } from '@keyward/contracts';
import { describe, expect, it } from 'vitest';
import {
  EVENT_DOMAIN_OWNERS,
  inboxPrefix,
  mayPublishEvent,
  permissionsFor,
  REQUEST_GRANTS,
} from '../src/index.ts';

describe('bus grants', () => {
  it('give every event domain an owner and every request a server', () => {
    const domains = new Set(allEvents.map((e) => e.type.split('.')[1]));
    expect([...domains].filter((d) => !(d in EVENT_DOMAIN_OWNERS))).toEqual([]);
    const served = new Set(REQUEST_GRANTS.map((g) => g.subject));
    expect(allRequests.map((r) => r.subject).filter((s) => !served.has(s))).toEqual([]);
  });

  it('let a service publish only its own events, and subscribe only to its own inbox', () => {
    const policy = permissionsFor({ name: 'policy', role: 'policy' });
    expect(mayPublishEvent('policy', 'keyward.evt.pin.read')).toBe(true);
    expect(mayPublishEvent('policy', 'keyward.evt.device.enrolled')).toBe(false);
    expect(policy.subscribe.allow).toContain(`${inboxPrefix({ name: 'policy' })}.>`);
    expect(policy.subscribe.allow.filter((s) => s.startsWith('_INBOX'))).toEqual([
      '_INBOX.policy.>',
    ]);
    expect(JSON.stringify(policy.publish)).not.toContain('STREAM.DELETE');
  });

  it('pin a gateway identity to its own gateway id', () => {
    const gw = permissionsFor({ name: 'gw-a', role: 'device-gateway', gatewayId: 'a' });
    expect(gw.subscribe.allow).toContain('keyward.gateway.a.provision');
    expect(gw.subscribe.allow.some((s) => s.includes('keyward.gateway.*'))).toBe(false);
  });
});
