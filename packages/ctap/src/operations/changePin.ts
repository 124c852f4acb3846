/** changePin: replaces the user PIN; a wrong current PIN says how many retries are left. */
import { ClientPin } from '../ctap2/clientPin.ts';
import type { CtapDevice } from '../device.ts';
import { UnsupportedError } from '../errors.ts';
import { callOptions, type OperationOptions, openCtap2 } from './common.ts';

export type ChangePinOptions = OperationOptions & { currentPin: string; newPin: string };
export type ChangePinResult = { pinRetries: number; forcePinChange: boolean };

export async function changePin(
  dev: CtapDevice,
  options: ChangePinOptions,
): Promise<ChangePinResult> {
  const { currentPin, newPin } = options;
  const ctap2 = await openCtap2(dev, options);
  if (!ClientPin.isSupported(ctap2.info))
    throw new UnsupportedError('client PIN (option clientPin absent)');
  const clientPin = new ClientPin(ctap2);
  const call = callOptions(options);
  await clientPin.changePin(currentPin, newPin, call);
  const { retries } = await clientPin.getRetries(call);
  const info = await ctap2.refreshInfo(call);
  return { pinRetries: retries, forcePinChange: info.forcePinChange };
}
