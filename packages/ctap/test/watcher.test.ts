import {
  attachToVpcd,
  createAuthenticator,
  createCtapHidEndpoint,
} from '@keyward/authenticator-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDevice } from '../src/operations/readDevice.ts';
import { type DeviceEvent, DeviceWatcher } from '../src/watcher.ts';
import { type PcscEnv, startPcscEnv } from './support.ts';

let env: PcscEnv;
beforeAll(async () => {
  env = await startPcscEnv();
});
afterAll(async () => {
  await env?.stop();
});

function nextEvent(watcher: DeviceWatcher, type: DeviceEvent['type']): Promise<DeviceEvent> {
  return new Promise((resolve) => {
    const off = watcher.onEvent((e) => {
      if (e.type !== type) return;
      off();
      resolve(e);
    });
  });
}

describe('DeviceWatcher', () => {
  it('merges PC/SC card events, HID polling and memory keys into attached/detached with stable ids', async () => {
    const watcher = DeviceWatcher.start({ pcsc: env.transport, hid: { pollIntervalMs: 50 } });
    const card = attachToVpcd(createAuthenticator({ profile: 'nfc-only', serial: 'KW-CARD' }), {
      port: env.stack.vpcdPort,
      inserted: false,
    });
    const attached = nextEvent(watcher, 'attached');
    await card.insert();
    const event = await attached;
    expect(event.type === 'attached' && event.descriptor.id).toBe(`pcsc:${env.stack.readerName}`);
    const dev = await watcher.open(`pcsc:${env.stack.readerName}`);
    expect((await readDevice(dev)).serial).toBe('KW-CARD');
    await dev.close();

    const memoryAuth = createAuthenticator({ serial: 'KW-MEM' });
    const endpoint = createCtapHidEndpoint(memoryAuth);
    watcher.addMemoryDevice('desk-1', endpoint);
    const memoryDev = await watcher.open('memory:desk-1');
    expect((await readDevice(memoryDev)).serial).toBe('KW-MEM');
    await memoryDev.close();
    expect(
      watcher
        .devices()
        .map((d) => d.id)
        .sort(),
    ).toEqual(['memory:desk-1', `pcsc:${env.stack.readerName}`]);

    const detached = nextEvent(watcher, 'detached');
    await card.close();
    const gone = await detached;
    expect(gone.type === 'detached' && gone.descriptor.id).toBe(`pcsc:${env.stack.readerName}`);
    watcher.removeMemoryDevice('desk-1');
    expect(watcher.devices()).toEqual([]);
    watcher.stop();
    endpoint.close();
  });
});
