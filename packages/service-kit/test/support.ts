import { deviceEvents } from '@keyward/contracts';
import { createLogger, type Logger } from '../src/index.ts';

/** A logger whose JSON lines the test can read (and assert on). */
export function captureLogger(name = 'test'): { logger: Logger; lines: () => string[] } {
  const lines: string[] = [];
  const logger = createLogger({
    name,
    level: 'debug',
    destination: { write: (s: string) => lines.push(s) },
  });
  return { logger, lines: () => lines };
}

/** A promise with its resolver, to wait for a handler instead of sleeping. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export const deviceRef = {
  gatewayId: 'gw-1',
  deviceId: 'hid-1',
  serial: 'SIM0001',
  aaguid: '2fc0579f-8113-47ea-b116-bb5a8db9202a',
};

export const resetEvent = deviceEvents.reset;
