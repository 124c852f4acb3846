/** Retry settings for provider calls. */
export interface RetryPolicy {
  /** Total attempts including the first. Default 4. */
  maxAttempts: number;
  /** First backoff delay. Default 500 ms, doubled per attempt. */
  baseDelayMs: number;
  /** Cap for any single wait, including a provider's Retry-After. Default 30 s. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

/**
 * Parses Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns milliseconds, or
 * undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1), or undefined when the
 * policy is exhausted. A provider's Retry-After wins over backoff (capped at maxDelayMs);
 * otherwise exponential backoff with "equal jitter" from the injected random source.
 */
export function nextDelay(options: {
  attempt: number;
  policy: RetryPolicy;
  retryAfterMs?: number;
  random?: () => number;
}): number | undefined {
  const { attempt, policy, retryAfterMs, random = Math.random } = options;
  if (attempt >= policy.maxAttempts) return undefined;
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const exp = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return Math.round(exp / 2 + (exp / 2) * random());
}
