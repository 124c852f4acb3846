import { applyKeyEvent, isTerminal, type KeyRun, type Session } from './session.ts';

/** What a restarted gateway does with one key of a session it finds unfinished in the journal. */
export type KeyResumeDecision =
  | { serial: string; action: 'keep'; run: KeyRun }
  /** Was mid-operation; marked INTERRUPTED with its last step; repaired when it comes back. */
  | { serial: string; action: 'interrupt'; run: KeyRun; lastCompletedStep?: string }
  /** Still attached: re-run the idempotent plan (completed steps are no-ops). */
  | { serial: string; action: 'rerun'; run: KeyRun; lastCompletedStep?: string };

export interface ResumePlan {
  /** `resume` keeps the session running; `close` closes it with what the journal says. */
  session: 'resume' | 'close';
  keys: KeyResumeDecision[];
}

export interface PlanResumeOptions {
  session: Session;
  /** Serials attached right now (after the first scan). */
  present: ReadonlySet<string>;
  now: string;
}

/**
 * The crash-safety decision (issue 5 "Crash safety"). Nothing in flight survives a restart, so
 * every unfinished key is first INTERRUPTED with the step it was on (it is reported, never left
 * half-configured in silence). A key that is attached again is queued to re-run its idempotent
 * plan. Continuous sessions resume taking new keys; others resume only to re-run keys.
 */
export function planResume(options: PlanResumeOptions): ResumePlan {
  const { session, present, now } = options;
  const keys: KeyResumeDecision[] = Object.values(session.keys).map((run) => {
    if (isTerminal(run.state)) return { serial: run.serial, action: 'keep', run };
    const lastCompletedStep = run.completedSteps.at(-1);
    const interrupted = applyKeyEvent(run, { type: 'interrupt', at: now });
    if (present.has(run.serial) && session.state === 'running') {
      return { serial: run.serial, action: 'rerun', run: interrupted, lastCompletedStep };
    }
    return { serial: run.serial, action: 'interrupt', run: interrupted, lastCompletedStep };
  });
  const rerun = keys.some((k) => k.action === 'rerun');
  const continuous = session.mode === 'continuous' && session.state === 'running';
  return { session: rerun || continuous ? 'resume' : 'close', keys };
}
