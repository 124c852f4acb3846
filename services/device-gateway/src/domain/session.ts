/**
 * The session model: one operation or bulk run on this gateway, with one run per key. Pure
 * state transitions; the journal (store/journalStore.ts) persists every result so a restarted
 * gateway can tell which key reached which step.
 */

export type SessionKind = 'configure' | 'apply-policy' | 'enroll' | 'test' | 'reset' | 'unlock';
export type SessionMode = 'one' | 'selected' | 'stop-when-done' | 'continuous';
export type SessionState = 'running' | 'stopping' | 'completed' | 'stopped';

export type KeyRunState =
  | 'queued'
  | 'running'
  | 'waiting-for-touch'
  | 'waiting-for-reinsert'
  | 'succeeded'
  | 'failed'
  | 'interrupted'
  | 'skipped';

export const TERMINAL_KEY_STATES: readonly KeyRunState[] = [
  'succeeded',
  'failed',
  'interrupted',
  'skipped',
];

export interface KeyRunError {
  code: string;
  message: string;
}

/** One key's run inside a session; everything here may go into a report (never a PIN). */
export interface KeyRun {
  deviceId: string;
  serial: string;
  aaguid: string;
  state: KeyRunState;
  /** The step being worked on (set while running). */
  step?: string;
  completedSteps: string[];
  policyId?: string;
  policyName?: string;
  policyVersion?: number;
  user?: string;
  error?: KeyRunError;
  startedAt?: string;
  finishedAt?: string;
}

export interface Session {
  id: string;
  gatewayId: string;
  kind: SessionKind;
  mode: SessionMode;
  actor: string;
  policyId?: string;
  state: SessionState;
  createdAt: string;
  finishedAt?: string;
  /** By serial: a key that comes back under a new device id is the same run. */
  keys: Record<string, KeyRun>;
}

export interface NewSessionOptions {
  id: string;
  gatewayId: string;
  kind: SessionKind;
  mode: SessionMode;
  actor: string;
  policyId?: string;
  now: string;
}

export function newSession(options: NewSessionOptions): Session {
  const { now, ...rest } = options;
  return { ...rest, state: 'running', createdAt: now, keys: {} };
}

export function isTerminal(state: KeyRunState): boolean {
  return TERMINAL_KEY_STATES.includes(state);
}

/** Adds a key to the session (queued); a key already in it keeps its run. */
export function enqueueKey(
  session: Session,
  key: { deviceId: string; serial: string; aaguid: string },
): KeyRun {
  const existing = session.keys[key.serial];
  if (existing) return existing;
  const run: KeyRun = { ...key, state: 'queued', completedSteps: [] };
  session.keys[key.serial] = run;
  return run;
}

export type KeyEvent =
  | { type: 'start'; at: string }
  | { type: 'step'; step: string }
  | { type: 'step-done'; step: string }
  | { type: 'wait'; for: 'touch' | 'reinsert' }
  | { type: 'succeed'; at: string }
  | { type: 'fail'; at: string; error: KeyRunError }
  | { type: 'interrupt'; at: string }
  | { type: 'skip'; at: string; reason: string }
  | { type: 'retry' };

/**
 * The per-key state machine. A terminal run accepts only `retry` (back to queued, keeping the
 * completed steps, because the plan is idempotent); anything else on a terminal run is a bug.
 */
export function applyKeyEvent(run: KeyRun, event: KeyEvent): KeyRun {
  if (isTerminal(run.state) && event.type !== 'retry') {
    throw new TypeError(`key ${run.serial} is ${run.state}; cannot apply "${event.type}"`);
  }
  switch (event.type) {
    case 'start':
      return {
        ...run,
        state: 'running',
        startedAt: event.at,
        error: undefined,
        finishedAt: undefined,
      };
    case 'step':
      return { ...run, state: 'running', step: event.step };
    case 'step-done':
      return {
        ...run,
        state: 'running',
        completedSteps: run.completedSteps.includes(event.step)
          ? run.completedSteps
          : [...run.completedSteps, event.step],
      };
    case 'wait':
      return {
        ...run,
        state: event.for === 'touch' ? 'waiting-for-touch' : 'waiting-for-reinsert',
      };
    case 'succeed':
      return { ...run, state: 'succeeded', step: undefined, finishedAt: event.at };
    case 'fail':
      return { ...run, state: 'failed', error: event.error, finishedAt: event.at };
    case 'interrupt':
      return { ...run, state: 'interrupted', finishedAt: event.at };
    case 'skip':
      return {
        ...run,
        state: 'skipped',
        finishedAt: event.at,
        error: { code: 'SKIPPED', message: event.reason },
      };
    case 'retry':
      return { ...run, state: 'queued', error: undefined, finishedAt: undefined };
  }
}

export interface SessionCounts {
  total: number;
  succeeded: number;
  failed: number;
  interrupted: number;
  skipped: number;
}

export function countKeys(session: Session): SessionCounts {
  const counts: SessionCounts = { total: 0, succeeded: 0, failed: 0, interrupted: 0, skipped: 0 };
  for (const run of Object.values(session.keys)) {
    counts.total += 1;
    if (run.state === 'succeeded') counts.succeeded += 1;
    else if (run.state === 'failed') counts.failed += 1;
    else if (run.state === 'interrupted') counts.interrupted += 1;
    else if (run.state === 'skipped') counts.skipped += 1;
  }
  return counts;
}

/** Whether a session may close now: never while a key is in flight; continuous only when stopped. */
export function canClose(session: Session): boolean {
  const allDone = Object.values(session.keys).every((run) => isTerminal(run.state));
  if (!allDone) return false;
  if (session.mode === 'continuous') return session.state === 'stopping';
  return true;
}

/** Whether a newly attached key joins this session (continuous sessions take every new key). */
export function acceptsNewKeys(session: Session): boolean {
  return session.mode === 'continuous' && session.state === 'running';
}

/** Closes the session: `stopped` if the operator stopped it, else `completed`. */
export function closeSession(session: Session, now: string): Session {
  return {
    ...session,
    state: session.state === 'stopping' ? 'stopped' : 'completed',
    finishedAt: now,
  };
}
