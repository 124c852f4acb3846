import { KeywardError } from '@keyward/contracts';
import { type CtapDevice, remoteUnlock } from '@keyward/ctap';

interface Pending {
  answer(response: Uint8Array): void;
  done: Promise<{ pinRetries: number }>;
}

/**
 * The user's side of a help-desk remote unlock on a virtual key: the key shows its challenge
 * (hex, to be read out), the help desk reads back the response the console got from the policy
 * service, and the key accepts it (or not). Unlike the gateway's own `remote` unlock, nothing here
 * asks the policy service: the response comes only from whoever answers, as on a real phone call.
 */
export class HelpDeskUnlock {
  readonly #pending = new Map<string, Pending>();

  /** Starts the unlock and returns the challenge the key shows; one pending unlock per key. */
  async challenge(deviceId: string, device: CtapDevice, newPin: string): Promise<string> {
    this.#pending.get(deviceId)?.answer(new Uint8Array(16));
    let answer!: (response: Uint8Array) => void;
    const response = new Promise<Uint8Array>((resolve) => {
      answer = resolve;
    });
    let shown!: (challenge: string) => void;
    const challenge = new Promise<string>((resolve) => {
      shown = resolve;
    });
    const done = remoteUnlock(device, {
      newPin,
      respond: async (c) => {
        shown(Buffer.from(c, 'base64url').toString('hex'));
        return response;
      },
    });
    // A failure before the challenge is shown is the caller's answer; after it, the answer's.
    const first = await Promise.race([challenge, done.then(() => undefined)]);
    if (first === undefined) throw new KeywardError('CONFLICT', 'the key showed no challenge');
    this.#pending.set(deviceId, {
      answer,
      done: done.finally(() => this.#pending.delete(deviceId)),
    });
    done.catch(() => undefined);
    return first;
  }

  /** Gives the key the response read back (hex); the key's refusal is a 409 naming it. */
  async answer(deviceId: string, responseHex: string): Promise<{ pinRetries: number }> {
    const pending = this.#pending.get(deviceId);
    if (!pending) {
      throw new KeywardError('NOT_FOUND', `no remote unlock is waiting on "${deviceId}"`);
    }
    pending.answer(Buffer.from(responseHex, 'hex'));
    try {
      return await pending.done;
    } catch (e) {
      throw new KeywardError('CONFLICT', `the key refused the response: ${(e as Error).message}`);
    }
  }
}
