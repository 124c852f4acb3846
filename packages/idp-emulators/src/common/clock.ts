/** Injected time source; tests pass a frozen or stepped clock instead of sleeping. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A manually advanced clock for tests. */
export function manualClock(start = new Date('2026-01-01T00:00:00Z')) {
  let now = start.getTime();
  const clock: Clock = () => new Date(now);
  return {
    clock,
    advance(ms: number) {
      now += ms;
    },
  };
}
