/**
 * Test support: a simulator key behind the real CTAPHID path (MemoryHidTransport), or behind
 * the real PC/SC path (private pcscd + vpcd from @keyward/test-harness).
 */
import {
  attachToVpcd,
  type CreateAuthenticatorOptions,
  createAuthenticator,
  createCtapHidEndpoint,
  type VirtualAuthenticator,
} from '@keyward/authenticator-sim';
import { type PcscStack, startPcsc } from '@keyward/test-harness';
import type { CtapDevice } from '../src/device.ts';
import { MemoryHidTransport } from '../src/memory.ts';
import { PcscTransport } from '../src/pcsc/pcscTransport.ts';

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

export type PcscEnv = { stack: PcscStack; transport: PcscTransport; stop(): Promise<void> };

/**
 * A private pcscd + vpcd (test harness) and a PC/SC context on it. libpcsclite reads
 * PCSCLITE_CSOCK_NAME once per process, so one env per test file (vitest forks per file).
 */
export async function startPcscEnv(): Promise<PcscEnv> {
  const stack = await startPcsc();
  Object.assign(process.env, stack.env);
  const transport = PcscTransport.start();
  await until(
    () => transport.readers().some((r) => r.name === stack.readerName),
    `reader "${stack.readerName}" to appear`,
    (cb) => transport.onEvent(cb),
  );
  return {
    stack,
    transport,
    async stop() {
      transport.close();
      await stack.stop();
    },
  };
}

/** Resolves when `check` holds, re-checked on every event; fails (never hangs) after 15 s. */
export function until(
  check: () => boolean,
  what: string,
  subscribe: (cb: () => void) => () => void,
): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`gave up waiting for ${what}`));
    }, 15_000);
    const off = subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

export async function pcscKey(
  env: PcscEnv,
  options: CreateAuthenticatorOptions = {},
): Promise<SimKey> {
  const auth = createAuthenticator(options);
  await auth.ready();
  const card = attachToVpcd(auth, { port: env.stack.vpcdPort });
  const reader = env.stack.readerName;
  const present = (want: boolean) =>
    until(
      () => env.transport.readers().some((r) => r.name === reader && r.cardPresent === want),
      `card ${want ? 'in' : 'out of'} "${reader}"`,
      (cb) => env.transport.onEvent(cb),
    );
  const open = async () => {
    await card.insert();
    await present(true);
    return env.transport.open(reader, { pollIntervalMs: 10 });
  };
  let dev = await open();
  return {
    auth,
    get dev() {
      return dev;
    },
    unplug: () => void card.remove(),
    async replug() {
      await dev.close().catch(() => undefined);
      await card.remove();
      await present(false);
      dev = await open();
      return dev;
    },
    async close() {
      await dev.close().catch(() => undefined);
      await card.close();
      await present(false);
    },
  };
}

export type KeyTransport = 'memory' | 'pcsc';

/** Opens a simulator key over the given transport (PC/SC needs `env`). */
export function openKey(
  transport: KeyTransport,
  env: PcscEnv | undefined,
  options: CreateAuthenticatorOptions,
): Promise<SimKey> {
  if (transport === 'memory') return memoryKey(options);
  if (!env) throw new Error('PC/SC environment not started');
  return pcscKey(env, options);
}
