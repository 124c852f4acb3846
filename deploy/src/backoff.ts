export type BackoffOptions = {
  /** Delay before the first restart. Default 500 ms. */
  baseMs?: number;
  /** Upper bound. Default 30 000 ms. */
  maxMs?: number;
  /** A process that stayed up this long counts as healthy: the next crash starts over. Default 60 000 ms. */
  healthyAfterMs?: number;
};

/** Delay before restart number `attempt` (1-based): base, 2×base, 4×base … capped at max. */
export function restartDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 500, maxMs = 30_000 } = options;
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** The attempt number for the restart after a crash, given the previous one and the uptime. */
export function nextAttempt(
  previous: number,
  uptimeMs: number,
  options: BackoffOptions = {},
): number {
  const { healthyAfterMs = 60_000 } = options;
  return uptimeMs >= healthyAfterMs ? 1 : previous + 1;
}
