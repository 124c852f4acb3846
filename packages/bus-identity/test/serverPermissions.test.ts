import { startNats } from '@keyward/test-harness';
import { connect, type NatsConnection, type Status } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_ROLES, type ServiceRole } from '../src/index.ts';

// The real nats-server with the generated authorization block: what each service identity must
// not do is refused by the server itself.

let nats: Awaited<ReturnType<typeof startNats>>;
beforeAll(async () => {
  nats = await startNats();
});
afterAll(async () => {
  await nats?.stop();
});

/** Another service's event subject, request subject and inbox, per role. */
const foreign: Record<ServiceRole, { event: string; serves: string; inbox: string }> = {
  policy: {
    event: 'keyward.evt.device.enrolled',
    serves: 'keyward.identity.enrollment.begin',
    inbox: '_INBOX.device-gateway.x',
  },
  identity: {
    event: 'keyward.evt.pin.read',
    serves: 'keyward.policy.pin.read',
    inbox: '_INBOX.policy.x',
  },
  reporting: {
    event: 'keyward.evt.policy.updated',
    serves: 'keyward.policy.plan',
    inbox: '_INBOX.device-gateway.x',
  },
  'device-gateway': {
    event: 'keyward.evt.credential.revoked',
    serves: 'keyward.policy.pin.read',
    inbox: '_INBOX.policy.x',
  },
  printer: {
    event: 'keyward.evt.device.configured',
    serves: 'keyward.policy.pin.read',
    inbox: '_INBOX.device-gateway.x',
  },
};

/** The next permission violation the server reports on this connection. */
async function nextViolation(nc: NatsConnection): Promise<string> {
  for await (const status of nc.status() as AsyncIterable<Status>) {
    if (status.type === 'error') return String(status.error);
  }
  return 'connection closed';
}

describe('the bus as each service identity sees it', () => {
  it('refuses an anonymous client', async () => {
    await expect(connect({ servers: nats.url, reconnect: false })).rejects.toThrow(
      /Authorization/i,
    );
  });

  for (const role of SERVICE_ROLES) {
    it(`${role}: no foreign event, no foreign request subscription, no foreign inbox, no stream delete`, async () => {
      const nc = await connect({ ...nats.connectOptions(role), reconnect: false });
      try {
        const { event, serves, inbox } = foreign[role];
        const published = nextViolation(nc);
        nc.publish(event, '{}');
        expect(await published).toMatch(/Permissions Violation for Publish to "keyward\.evt/);

        for (const subject of [serves, inbox]) {
          const sub = nc.subscribe(subject);
          await expect(sub.closed).resolves.toMatchObject({
            message: expect.stringMatching(/Permissions Violation for Subscription/),
          });
        }

        const deleted = nc.request('$JS.API.STREAM.DELETE.KEYWARD_EVENTS', '', { timeout: 2_000 });
        await expect(deleted).rejects.toThrow(/Permissions Violation for Publish/);
      } finally {
        await nc.close();
      }
    });
  }

  it('lets the observer read events and nothing else', async () => {
    const nc = await connect({ ...nats.connectOptions('observer'), reconnect: false });
    try {
      const sub = nc.subscribe('keyward.policy.pin.read');
      await expect(sub.closed).resolves.toMatchObject({
        message: expect.stringMatching(/Permissions Violation for Subscription/),
      });
      const published = nextViolation(nc);
      nc.publish('keyward.evt.device.enrolled', '{}');
      expect(await published).toMatch(/Permissions Violation for Publish/);
    } finally {
      await nc.close();
    }
  });
});
