/**
 * reset (CTAP 2.1 §6.6): keys accept authenticatorReset only within 10 s of power-up, and want
 * a touch. The caller drives the dance: pass `waitForReinsert`, which tells the user to unplug
 * and re-insert the key and resolves with the freshly attached device (e.g. from
 * DeviceWatcher); the reset is then sent to that device at once. Without it, the reset goes to
 * `dev` directly (right after it was plugged in). A key outside its window answers NOT_ALLOWED.
 *
 * Managed keys: with `adminPin`, the admin PIN is proven on `dev` first (vendor verifyAdminPin),
 * before the user is asked to re-insert, so a wrong one fails with CTAP2_ERR_PIN_INVALID (admin
 * retries left in the error) and leaves the key as it was. A key whose vendor profile cannot
 * prove it fails with UnsupportedError rather than resetting unchecked.
 */
import { CtapStatus } from '../constants.ts';
import type { CtapDevice } from '../device.ts';
import { CtapError } from '../errors.ts';
import { callOptions, type OperationOptions, openCtap2, requireVendor } from './common.ts';
import { type DeviceReport, readDevice } from './readDevice.ts';

export type ResetOptions = OperationOptions & {
  /** The admin PIN of a managed key, verified before anything else happens. */
  adminPin?: string;
  waitForReinsert?: () => Promise<CtapDevice>;
};
/** `device` is the device the reset went to (the re-inserted one, if any). */
export type ResetResult = { device: CtapDevice; report: DeviceReport };

export async function reset(dev: CtapDevice, options: ResetOptions = {}): Promise<ResetResult> {
  if (options.adminPin !== undefined) await verifyAdminPin(dev, options.adminPin, options);
  const target = options.waitForReinsert ? await options.waitForReinsert() : dev;
  const ctap2 = await openCtap2(target, options);
  await ctap2.reset(callOptions(options));
  return { device: target, report: await readDevice(target, options) };
}

async function verifyAdminPin(
  dev: CtapDevice,
  adminPin: string,
  options: OperationOptions,
): Promise<void> {
  const ctap2 = await openCtap2(dev, options);
  const { profile, fn } = requireVendor(ctap2, options, 'verifyAdminPin', 'admin PIN check');
  const call = callOptions(options);
  try {
    await fn.call(profile, ctap2, { adminPin }, call);
  } catch (error) {
    // Say how many admin PIN retries are left, as changePin does for the user PIN.
    if (
      error instanceof CtapError &&
      error.status === CtapStatus.CTAP2_ERR_PIN_INVALID &&
      profile.getAdminPinStatus
    ) {
      const { retries } = await profile.getAdminPinStatus(ctap2, call);
      throw error.withRetries(retries);
    }
    throw error;
  }
}
