import { setTimeout as delay } from 'node:timers/promises';

export type WaitReadyOptions = {
  url: string;
  /** Stop polling when this returns true (launcher shutting down). */
  cancelled: () => boolean;
  /** Default 120 000 ms. */
  timeoutMs?: number;
};

/** Polls a /readyz URL until it answers 200; resolves true, or false on timeout / cancel. */
export async function waitReady(options: WaitReadyOptions): Promise<boolean> {
  const { url, cancelled, timeoutMs = 120_000 } = options;
  const deadline = Date.now() + timeoutMs;
  while (!cancelled() && Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await delay(500);
  }
  return false;
}
