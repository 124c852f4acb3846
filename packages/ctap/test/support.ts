/**
 * Test support: a simulator key behind the real CTAPHID path (MemoryHidTransport), or behind
 * the real PC/SC path (private pcscd + vpcd from @keyward/test-harness).
 */
import {
  type CreateAuthenticatorOptions,
  createAuthenticator,
  createCtapHidEndpoint,
  type VirtualAuthenticator,
} from '@keyward/authenticator-sim';
import type { CtapDevice } from '../src/device.ts';
import { MemoryHidTransport } from '../src/memory.ts';

export type SimKey = {
  auth: VirtualAuthenticator;
  dev: CtapDevice;
  /** The key is pulled out: the endpoint stops answering and the host sees the pipe close. */
  unplug(): void;
  /** Pulled out and plugged in again: power cycle, new channel. Returns the new device. */
  replug(): Promise<CtapDevice>;
  close(): Promise<void>;
};

export async function memoryKey(options: CreateAuthenticatorOptions = {}): Promise<SimKey> {
  const auth = createAuthenticator(options);
  await auth.ready();
  const open = async () => {
    const endpoint = createCtapHidEndpoint(auth);
    const closeListeners = new Set<(cause?: Error) => void>();
    const dev = await MemoryHidTransport.open(
      {
        send: (r) => endpoint.send(r),
        onReport: (cb) => endpoint.onReport(cb),
        onClose: (cb) => {
          closeListeners.add(cb);
          return () => closeListeners.delete(cb);
        },
      },
      { name: auth.serial, callTimeoutMs: 20_000 },
    );
    const unplug = () => {
      endpoint.close();
      for (const cb of closeListeners) cb(new Error('unplugged'));
    };
    return { dev, unplug };
  };
  let current = await open();
  const key: SimKey = {
    auth,
    get dev() {
      return current.dev;
    },
    unplug: () => current.unplug(),
    async replug() {
      current.unplug();
      auth.powerCycle();
      current = await open();
      return current.dev;
    },
    async close() {
      await current.dev.close();
    },
  };
  return key;
}
