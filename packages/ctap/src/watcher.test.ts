import { describe, expect, it } from 'vitest';
import type { HidDeviceInfo } from './hid/nodeHid.ts';
import { type DeviceEvent, DeviceWatcher } from './watcher.ts';

const key = (path: string): HidDeviceInfo => ({
  id: `usb:${path}`,
  transport: 'usb',
  path,
  vendorId: 0x1050,
  productId: 0x0407,
});

describe('DeviceWatcher HID polling', () => {
  it('turns enumerate differences into attached/detached events with stable ids', async () => {
    const snapshots: HidDeviceInfo[][] = [
      [key('/dev/hidraw1')],
      [key('/dev/hidraw1'), key('/dev/hidraw2')],
      [key('/dev/hidraw2')],
    ];
    let polls = 0;
    let tick!: () => void;
    const list = async () => {
      const now = snapshots[Math.min(polls, snapshots.length - 1)]!;
      polls++;
      queueMicrotask(() => tick?.());
      return now;
    };
    const events: string[] = [];
    const watcher = DeviceWatcher.start({ hid: { pollIntervalMs: 5, list } });
    watcher.onEvent((e: DeviceEvent) => {
      if (e.type !== 'error') events.push(`${e.type} ${e.descriptor.id}`);
    });
    await new Promise<void>((resolve) => {
      tick = () => {
        if (polls > snapshots.length) resolve();
      };
    });
    watcher.stop();
    expect(events).toEqual([
      'attached usb:/dev/hidraw1',
      'attached usb:/dev/hidraw2',
      'detached usb:/dev/hidraw1',
    ]);
    expect(watcher.devices().map((d) => d.id)).toEqual(['usb:/dev/hidraw2']);
  });

  it('reports an enumerate failure as an error event instead of throwing', async () => {
    const watcher = DeviceWatcher.start({
      hid: {
        pollIntervalMs: 60_000,
        list: async () => {
          throw new Error('hidraw: permission denied');
        },
      },
    });
    const event = await new Promise<DeviceEvent>((resolve) => watcher.onEvent(resolve));
    watcher.stop();
    expect(event).toMatchObject({ type: 'error', source: 'hid' });
  });
});
