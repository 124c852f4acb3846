/**
 * USB HID through node-hid: the only file that imports node-hid. Finds FIDO devices by usage
 * page 0xF1D0 / usage 0x01 (CTAP 2.1 §11.2.1), opens one exclusively, and adapts it to the
 * ReportPipe that hidConnection.ts speaks CTAPHID over. node-hid errors are translated here.
 */
import { devicesAsync, HIDAsync, type Device as NodeHidDevice } from 'node-hid';
import type { DeviceDescriptor } from '../device.ts';
import { DeviceBusyError, DeviceGoneError } from '../errors.ts';
import { CtapHidConnection, type HidConnectionOptions, type ReportPipe } from './hidConnection.ts';
import { HidCtapDevice } from './hidDevice.ts';

/** FIDO HID usage page and CTAPHID usage (CTAP 2.1 §11.2.1). */
export const FidoHidUsage = { USAGE_PAGE: 0xf1d0, USAGE: 0x01 } as const;

export type HidDeviceInfo = DeviceDescriptor & { transport: 'usb' };

function describe(device: NodeHidDevice & { path: string }): HidDeviceInfo {
  return {
    id: `usb:${device.path}`,
    transport: 'usb',
    path: device.path,
    vendorId: device.vendorId,
    productId: device.productId,
    ...(device.product ? { product: device.product } : {}),
    ...(device.serialNumber ? { serial: device.serialNumber } : {}),
  };
}

/** Lists attached FIDO HID devices (none on machines without hidraw/USB access). */
export async function listHidDevices(): Promise<HidDeviceInfo[]> {
  const all = await devicesAsync();
  return all
    .filter(
      (d): d is NodeHidDevice & { path: string } =>
        d.usagePage === FidoHidUsage.USAGE_PAGE && d.usage === FidoHidUsage.USAGE && !!d.path,
    )
    .map(describe);
}

function nodeHidPipe(hid: HIDAsync): ReportPipe {
  const closeListeners = new Set<(cause?: Error) => void>();
  let closed = false;
  hid.on('error', (error: Error) => {
    closed = true;
    for (const cb of closeListeners) cb(error);
  });
  return {
    // hidapi wants the report ID first; FIDO descriptors have none, so it is 0 (65 bytes out).
    async write(report) {
      if (closed) throw new DeviceGoneError();
      const out = Buffer.alloc(report.length + 1);
      out.set(report, 1);
      await hid.write(out);
    },
    onReport(cb) {
      const listener = (data: Buffer) => cb(new Uint8Array(data));
      hid.on('data', listener);
      return () => hid.off('data', listener);
    },
    onClose(cb) {
      closeListeners.add(cb);
      return () => closeListeners.delete(cb);
    },
    async close() {
      if (closed) return;
      closed = true;
      await hid.close();
    },
  };
}

/** Opens a FIDO HID device exclusively and initialises a CTAPHID channel on it. */
export async function openHidDevice(
  info: HidDeviceInfo,
  options: HidConnectionOptions = {},
): Promise<HidCtapDevice> {
  let hid: HIDAsync;
  try {
    hid = await HIDAsync.open(info.path, { nonExclusive: false });
  } catch (cause) {
    // Another process holds the device, or it vanished between enumerate and open.
    throw new DeviceBusyError(`Could not open ${info.path} exclusively`, { cause });
  }
  const connection = await CtapHidConnection.open(nodeHidPipe(hid), options);
  return new HidCtapDevice(info, connection);
}
