/**
 * reset (CTAP 2.1 §6.6): keys accept authenticatorReset only within 10 s of power-up, and want
 * a touch. The caller drives the dance: pass `waitForReinsert`, which tells the user to unplug
 * and re-insert the key and resolves with the freshly attached device (e.g. from
 * DeviceWatcher); the reset is then sent to that device at once. Without it, the reset goes to
 * `dev` directly (right after it was plugged in). A key outside its window answers NOT_ALLOWED.
 */
import type { CtapDevice } from '../device.ts';
import { callOptions, type OperationOptions, openCtap2 } from './common.ts';
import { type DeviceReport, readDevice } from './readDevice.ts';

export type ResetOptions = OperationOptions & {
  waitForReinsert?: () => Promise<CtapDevice>;
};
/** `device` is the device the reset went to (the re-inserted one, if any). */
export type ResetResult = { device: CtapDevice; report: DeviceReport };

export async function reset(dev: CtapDevice, options: ResetOptions = {}): Promise<ResetResult> {
  const target = options.waitForReinsert ? await options.waitForReinsert() : dev;
  const ctap2 = await openCtap2(target, options);
  await ctap2.reset(callOptions(options));
  return { device: target, report: await readDevice(target, options) };
}
