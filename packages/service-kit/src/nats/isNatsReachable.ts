import type { NatsConnection } from '@nats-io/nats-core';

/** True when the server answers a round trip now (for /readyz). */
export async function isNatsReachable(nc: NatsConnection, timeoutMs = 2_000): Promise<boolean> {
  if (nc.isClosed() || nc.isDraining()) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      nc.flush().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
