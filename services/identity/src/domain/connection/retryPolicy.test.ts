import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, nextDelay, parseRetryAfter } from './retryPolicy.ts';

const now = new Date('2026-05-01T10:00:00Z');

describe('retry policy', () => {
  it('honours Retry-After in seconds and as an HTTP date', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Fri, 01 May 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('prefers the provider delay over backoff, capped', () => {
    expect(nextDelay({ attempt: 1, policy: DEFAULT_RETRY_POLICY, retryAfterMs: 2000 })).toBe(2000);
    expect(nextDelay({ attempt: 1, policy: DEFAULT_RETRY_POLICY, retryAfterMs: 99_000 })).toBe(
      30_000,
    );
  });

  it('backs off exponentially with jitter and stops after maxAttempts', () => {
    const p = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(nextDelay({ attempt: 1, policy: p, random: () => 1 })).toBe(100);
    expect(nextDelay({ attempt: 2, policy: p, random: () => 0 })).toBe(100);
    expect(nextDelay({ attempt: 2, policy: p, random: () => 1 })).toBe(200);
    expect(nextDelay({ attempt: 3, policy: p })).toBeUndefined();
  });
});
