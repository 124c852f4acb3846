import { connect, createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

function tryListen(port: number, host: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

// Ports handed out by this process recently; the kernel may hand the same ephemeral port to two
// callers before either binds it, so remember what we gave away.
const handedOut = new Set<number>();

export type FreePortOptions = {
  /** Number of consecutive free ports needed (vpcd uses port and port+1). Default 1. */
  count?: number;
  /** Default 127.0.0.1. */
  host?: string;
};

/**
 * Returns a TCP port (the first of `count` consecutive ones) that was free a moment ago on
 * `host`. There is an unavoidable race with other processes; callers bind it right away.
 */
export async function freePort(options: FreePortOptions = {}): Promise<number> {
  const { count = 1, host = '127.0.0.1' } = options;
  for (let attempt = 0; attempt < 200; attempt++) {
    const first = await tryListen(0, host);
    if (first === undefined || first + count > 65_535) continue;
    let ok = true;
    for (let i = 0; i < count && ok; i++) {
      const port = first + i;
      if (handedOut.has(port)) ok = false;
      else if (i > 0 && (await tryListen(port, host)) !== port) ok = false;
    }
    // Also check the wildcard address: some daemons (vpcd) bind 0.0.0.0.
    for (let i = 0; i < count && ok; i++) {
      if ((await tryListen(first + i, '0.0.0.0')) !== first + i) ok = false;
    }
    if (!ok) continue;
    for (let i = 0; i < count; i++) handedOut.add(first + i);
    return first;
  }
  throw new Error(`no ${count} consecutive free TCP port(s) found on ${host}`);
}

export type WaitForPortOptions = {
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 30 000 ms. */
  timeoutMs?: number;
  /** Checked between attempts; a string return aborts the wait with that reason (e.g. "exited with code 1"). */
  abort?: () => string | undefined;
};

function canConnect(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Resolves once a TCP connection to host:port succeeds; rejects after `timeoutMs` or on `abort`. */
export async function waitForPort(options: WaitForPortOptions): Promise<void> {
  const { port, host = '127.0.0.1', timeoutMs = 30_000, abort } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = abort?.();
    if (reason) throw new Error(`gave up waiting for ${host}:${port}: ${reason}`);
    if (await canConnect(port, host)) return;
    if (Date.now() > deadline) {
      throw new Error(`nothing accepted connections on ${host}:${port} within ${timeoutMs} ms`);
    }
    await delay(50);
  }
}
