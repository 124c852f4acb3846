import { describe, expect, it } from 'vitest';
import { nextAttempt, restartDelay } from '../src/backoff.ts';

describe('restartDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 10, 100].map((n) => restartDelay(n))).toEqual([
      500, 1_000, 2_000, 4_000, 30_000, 30_000,
    ]);
    expect(restartDelay(3, { baseMs: 10, maxMs: 25 })).toBe(25);
  });
});

describe('nextAttempt', () => {
  it('counts crashes in a row and starts over after a healthy run', () => {
    expect(nextAttempt(0, 100)).toBe(1);
    expect(nextAttempt(3, 100)).toBe(4);
    expect(nextAttempt(3, 60_000)).toBe(1);
    expect(nextAttempt(3, 500, { healthyAfterMs: 500 })).toBe(1);
  });
});
