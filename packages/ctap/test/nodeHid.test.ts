import { describe, expect, it } from 'vitest';
import { listHidDevices } from '../src/hid/nodeHid.ts';

describe('node-hid', () => {
  it('loads its native module and enumerates FIDO devices (none on machines without hidraw)', async () => {
    const devices = await listHidDevices();
    expect(Array.isArray(devices)).toBe(true);
    for (const d of devices) expect(d.id).toBe(`usb:${d.path}`);
  });
});
