/** A gateway started without pcscd must keep running: PC/SC reports the problem as an event. */
import { join } from 'node:path';
import { tempDir } from '@keyward/test-harness';
import { afterAll, describe, expect, it } from 'vitest';
import { DeviceGoneError } from '../src/errors.ts';
import { PcscTransport } from '../src/pcsc/pcscTransport.ts';
import { type DeviceEvent, DeviceWatcher } from '../src/watcher.ts';

// libpcsclite reads this once per process; this file runs in its own process.
const dir = tempDir('no-pcscd');
process.env.PCSCLITE_CSOCK_NAME = join(dir.path, 'pcscd.comm');
afterAll(async () => {
  await dir.remove();
});

describe('PC/SC without pcscd', () => {
  it('does not throw: the watcher reports the unavailable service and lists no devices', async () => {
    const transport = PcscTransport.start({ retryMs: 60_000 });
    const watcher = DeviceWatcher.start({ pcsc: transport, hid: false });
    const error = await new Promise<DeviceEvent>((resolve) => {
      const off = watcher.onEvent((e) => {
        if (e.type !== 'error') return;
        off();
        resolve(e);
      });
    });
    expect(error.type === 'error' && error.source).toBe('pcsc');
    expect(error.type === 'error' && error.error).toBeInstanceOf(DeviceGoneError);
    expect(error.type === 'error' && error.error.message).toContain('pcscd');
    expect(watcher.devices()).toEqual([]);
    await expect(transport.open('Virtual PCD 00 00')).rejects.toBeInstanceOf(DeviceGoneError);
    watcher.stop();
    transport.close();
  });
});
