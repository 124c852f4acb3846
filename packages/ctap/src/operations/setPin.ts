/** setPin: sets the first user PIN (the key must have none). */
import { ClientPin } from '../ctap2/clientPin.ts';
import type { CtapDevice } from '../device.ts';
import { UnsupportedError } from '../errors.ts';
import { callOptions, type OperationOptions, openCtap2 } from './common.ts';

export type SetPinOptions = OperationOptions & { pin: string };
export type SetPinResult = { pinRetries: number; pinProtocol: 1 | 2 };

export async function setPin(dev: CtapDevice, options: SetPinOptions): Promise<SetPinResult> {
  const { pin } = options;
  const ctap2 = await openCtap2(dev, options);
  if (!ClientPin.isSupported(ctap2.info))
    throw new UnsupportedError('client PIN (option clientPin absent)');
  const clientPin = new ClientPin(ctap2);
  const call = callOptions(options);
  await clientPin.setPin(pin, call);
  const { retries } = await clientPin.getRetries(call);
  return { pinRetries: retries, pinProtocol: clientPin.protocol.version };
}
