/**
 * User presence as a pluggable decision (CTAP 2.1 §6.1.2 step 14, §6.2.2, §6.6, §6.9): approve,
 * deny, approve after a delay, or wait for an explicit touch(). While waiting, the caller is told
 * to send KEEPALIVE UPNEEDED (CTAP 2.1 §11.2.9.1.5) — the transport repeats it every 100 ms.
 */
import type { Clock, TimerHandle } from './clock.ts';

export type PresencePolicy =
  | { readonly kind: 'auto' }
  | { readonly kind: 'deny' }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'manual'; readonly timeoutMs?: number };

/** Helpers to build policies: `presence.delay(250)`, `presence.manual()`. */
export const presence = {
  auto: (): PresencePolicy => ({ kind: 'auto' }),
  deny: (): PresencePolicy => ({ kind: 'deny' }),
  delay: (ms: number): PresencePolicy => ({ kind: 'delay', ms }),
  manual: (timeoutMs?: number): PresencePolicy =>
    timeoutMs === undefined ? { kind: 'manual' } : { kind: 'manual', timeoutMs },
} as const;

/** How long a key waits for a touch before giving up (OpenSK TOUCH_TIMEOUT_MS = 30 s). */
export const DEFAULT_PRESENCE_TIMEOUT_MS = 30_000;

export type PresenceOutcome = 'approved' | 'denied' | 'timeout' | 'cancelled';

export type PresenceRequest = {
  policy: PresencePolicy;
  clock: Clock;
  signal?: AbortSignal | undefined;
  /** Called once when the wait starts: the transport starts sending UPNEEDED. */
  onWaiting?: (() => void) | undefined;
};

export class PresenceGate {
  #waiter: ((outcome: PresenceOutcome) => void) | undefined;

  /** Approves the pending request, if any. Returns whether someone was waiting. */
  touch(): boolean {
    const w = this.#waiter;
    if (!w) return false;
    w('approved');
    return true;
  }

  get waiting(): boolean {
    return this.#waiter !== undefined;
  }

  request({ policy, clock, signal, onWaiting }: PresenceRequest): Promise<PresenceOutcome> {
    if (signal?.aborted) return Promise.resolve('cancelled');
    if (policy.kind === 'auto') return Promise.resolve('approved');
    if (policy.kind === 'deny') return Promise.resolve('denied');
    return new Promise<PresenceOutcome>((resolve) => {
      let timer: TimerHandle | undefined;
      const finish = (outcome: PresenceOutcome) => {
        if (this.#waiter !== finish) return;
        this.#waiter = undefined;
        clock.clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const onAbort = () => finish('cancelled');
      this.#waiter = finish;
      signal?.addEventListener('abort', onAbort);
      if (policy.kind === 'delay') {
        timer = clock.setTimeout(() => finish('approved'), policy.ms);
      } else {
        const ms = policy.timeoutMs ?? DEFAULT_PRESENCE_TIMEOUT_MS;
        timer = clock.setTimeout(() => finish('timeout'), ms);
      }
      onWaiting?.();
    });
  }
}
