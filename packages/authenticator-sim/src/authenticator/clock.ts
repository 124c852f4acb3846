/**
 * Time source of the simulator. Everything time-dependent (presence timeouts, keepalives, the
 * 10-second reset window, token lifetimes, CTAPHID message timeouts) goes through a Clock so
 * tests drive time with `createManualClock()` instead of sleeping.
 */
export type TimerHandle = { readonly id: number };

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

/** Wall-clock time; timers are unref'd so a forgotten one never keeps the process alive. */
export function createSystemClock(): Clock {
  const handles = new Map<number, NodeJS.Timeout>();
  let next = 1;
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const id = next++;
      const t = setTimeout(() => {
        handles.delete(id);
        fn();
      }, ms);
      t.unref();
      handles.set(id, t);
      return { id };
    },
    clearTimeout(handle) {
      if (!handle) return;
      const t = handles.get(handle.id);
      if (t) clearTimeout(t);
      handles.delete(handle.id);
    },
  };
}

export interface ManualClock extends Clock {
  /** Moves time forward, firing due timers in order; awaits microtasks between timers. */
  advance(ms: number): Promise<void>;
  /** Number of timers not yet fired. */
  pending(): number;
}

/** A clock that only moves when told to: for tests (no sleeps, no timed assertions). */
export function createManualClock(start = 1_700_000_000_000): ManualClock {
  let now = start;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void; seq: number }>();
  const flush = async () => {
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
  };
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = next++;
      timers.set(id, { at: now + Math.max(0, ms), fn, seq: id });
      return { id };
    },
    clearTimeout(handle) {
      if (handle) timers.delete(handle.id);
    },
    pending: () => timers.size,
    async advance(ms) {
      const target = now + ms;
      await flush();
      for (;;) {
        let due: [number, { at: number; fn: () => void; seq: number }] | undefined;
        for (const entry of timers) {
          if (entry[1].at > target) continue;
          if (
            !due ||
            entry[1].at < due[1].at ||
            (entry[1].at === due[1].at && entry[1].seq < due[1].seq)
          ) {
            due = entry;
          }
        }
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await flush();
      }
      now = target;
      await flush();
    },
  };
}
