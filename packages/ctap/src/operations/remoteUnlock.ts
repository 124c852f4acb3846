/**
 * remoteUnlock, caller-driven: the key shows a challenge, the caller obtains the response
 * (POLICY's keyward.policy.unlock.response, computed with remoteUnlockResponse from the
 * per-device secret), and the key accepts a new user PIN. The challenge answers once.
 */
import { ClientPin } from '../ctap2/clientPin.ts';
import type { CtapDevice } from '../device.ts';
import { b64url, callOptions, type OperationOptions, openCtap2, requireVendor } from './common.ts';

export type RemoteUnlockOptions = OperationOptions & {
  newPin: string;
  /** Receives the challenge (base64url) and returns the response (base64url or bytes). */
  respond: (challenge: string) => Promise<string | Uint8Array>;
};
export type RemoteUnlockResult = { pinRetries: number; vendorProfile: string };

export async function remoteUnlock(
  dev: CtapDevice,
  options: RemoteUnlockOptions,
): Promise<RemoteUnlockResult> {
  const ctap2 = await openCtap2(dev, options);
  const challenger = requireVendor(ctap2, options, 'getUnlockChallenge', 'remote unlock challenge');
  const unlocker = requireVendor(ctap2, options, 'remoteUnlock', 'remote unlock');
  const call = callOptions(options);
  const challenge = await challenger.fn.call(challenger.profile, ctap2, call);
  const answer = await options.respond(b64url.encode(challenge));
  const response =
    typeof answer === 'string' ? b64url.decode(answer, 'remoteUnlock.response') : answer;
  await unlocker.fn.call(unlocker.profile, ctap2, { response, newPin: options.newPin }, call);
  const { retries } = await new ClientPin(ctap2).getRetries(call);
  return { pinRetries: retries, vendorProfile: unlocker.profile.id };
}
