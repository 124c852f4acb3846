/** adminUnlock: a new user PIN authorised by the admin PIN (unblocks a PIN-blocked key). */
import { ClientPin } from '../ctap2/clientPin.ts';
import type { CtapDevice } from '../device.ts';
import { callOptions, type OperationOptions, openCtap2, requireVendor } from './common.ts';

export type AdminUnlockOptions = OperationOptions & { adminPin: string; newPin: string };
export type AdminUnlockResult = { pinRetries: number; vendorProfile: string };

export async function adminUnlock(
  dev: CtapDevice,
  options: AdminUnlockOptions,
): Promise<AdminUnlockResult> {
  const ctap2 = await openCtap2(dev, options);
  const { profile, fn } = requireVendor(ctap2, options, 'adminUnlock', 'admin unlock');
  const call = callOptions(options);
  await fn.call(profile, ctap2, { adminPin: options.adminPin, newPin: options.newPin }, call);
  const { retries } = await new ClientPin(ctap2).getRetries(call);
  return { pinRetries: retries, vendorProfile: profile.id };
}
