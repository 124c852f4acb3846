import { describe, expect, it } from 'vitest';
import { planResume } from './resume.ts';
import { type KeyRun, newSession, type Session } from './session.ts';

const NOW = '2026-01-01T01:00:00.000Z';
function run(
  serial: string,
  state: KeyRun['state'],
  completedSteps: string[] = [],
  step?: string,
): KeyRun {
  return { deviceId: `d-${serial}`, serial, aaguid: 'a', state, completedSteps, step };
}
function session(mode: Session['mode'], keys: KeyRun[]): Session {
  const s = newSession({
    id: 's',
    gatewayId: 'g',
    kind: 'configure',
    mode,
    actor: 'user:a',
    now: 'T',
  });
  for (const k of keys) s.keys[k.serial] = k;
  return s;
}

describe('planResume', () => {
  it('keeps finished keys, re-runs attached unfinished keys, interrupts missing ones with their last step', () => {
    const s = session('selected', [
      run('A', 'succeeded', ['setPin']),
      run('B', 'running', ['setPin'], 'setMinPinLength'),
      run('C', 'running', ['setPin', 'setMinPinLength'], 'forcePinChange'),
    ]);
    const plan = planResume({ session: s, present: new Set(['A', 'B']), now: NOW });
    expect(plan.session).toBe('resume');
    const by = Object.fromEntries(plan.keys.map((k) => [k.serial, k]));
    expect(by.A?.action).toBe('keep');
    expect(by.B).toMatchObject({ action: 'rerun', lastCompletedStep: 'setPin' });
    expect(by.C).toMatchObject({
      action: 'interrupt',
      lastCompletedStep: 'setMinPinLength',
      run: { state: 'interrupted', step: 'forcePinChange', finishedAt: NOW },
    });
  });

  it('closes a bulk session when nothing can be re-run, reporting every key', () => {
    const s = session('stop-when-done', [run('A', 'succeeded'), run('B', 'queued')]);
    const plan = planResume({ session: s, present: new Set(), now: NOW });
    expect(plan.session).toBe('close');
    expect(plan.keys.map((k) => k.run.state)).toEqual(['succeeded', 'interrupted']);
  });

  it('resumes a running continuous session even with no key attached', () => {
    const plan = planResume({ session: session('continuous', []), present: new Set(), now: NOW });
    expect(plan.session).toBe('resume');
  });

  it('does not re-run keys of a session that was being stopped', () => {
    const s = session('continuous', [run('A', 'running', [], 'setPin')]);
    s.state = 'stopping';
    const plan = planResume({ session: s, present: new Set(['A']), now: NOW });
    expect(plan).toMatchObject({ session: 'close', keys: [{ action: 'interrupt' }] });
  });
});
