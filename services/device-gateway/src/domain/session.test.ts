import { describe, expect, it } from 'vitest';
import {
  acceptsNewKeys,
  applyKeyEvent,
  canClose,
  closeSession,
  countKeys,
  enqueueKey,
  newSession,
  type Session,
} from './session.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-01T00:00:05.000Z';
const key = (n: number) => ({
  deviceId: `d${n}`,
  serial: `S${n}`,
  aaguid: '00000000-0000-0000-0000-000000000000',
});

function session(mode: Session['mode']): Session {
  return newSession({
    id: 's1',
    gatewayId: 'gw',
    kind: 'configure',
    mode,
    actor: 'user:a',
    policyId: 'p',
    now: T0,
  });
}

describe('per-key state machine', () => {
  it('walks queued → running → steps → succeeded, recording each completed step once', () => {
    const s = session('one');
    let run = enqueueKey(s, key(1));
    run = applyKeyEvent(run, { type: 'start', at: T0 });
    run = applyKeyEvent(run, { type: 'step', step: 'setPin' });
    run = applyKeyEvent(run, { type: 'step-done', step: 'setPin' });
    run = applyKeyEvent(run, { type: 'step-done', step: 'setPin' });
    run = applyKeyEvent(run, { type: 'step', step: 'setMinPinLength' });
    run = applyKeyEvent(run, { type: 'step-done', step: 'setMinPinLength' });
    run = applyKeyEvent(run, { type: 'succeed', at: T1 });
    expect(run).toMatchObject({
      state: 'succeeded',
      completedSteps: ['setPin', 'setMinPinLength'],
      startedAt: T0,
      finishedAt: T1,
    });
    expect(run.step).toBeUndefined();
  });

  it('keeps the step a key failed or was interrupted on', () => {
    const s = session('one');
    let run = applyKeyEvent(enqueueKey(s, key(1)), { type: 'start', at: T0 });
    run = applyKeyEvent(run, { type: 'step', step: 'setPin' });
    const interrupted = applyKeyEvent(run, { type: 'interrupt', at: T1 });
    expect(interrupted).toMatchObject({ state: 'interrupted', step: 'setPin' });
    const failed = applyKeyEvent(run, {
      type: 'fail',
      at: T1,
      error: { code: 'CTAP_ERROR', message: 'x' },
    });
    expect(failed).toMatchObject({
      state: 'failed',
      step: 'setPin',
      error: { code: 'CTAP_ERROR' },
    });
  });

  it('shows waiting-for-touch and waiting-for-reinsert', () => {
    const run = applyKeyEvent(enqueueKey(session('one'), key(1)), { type: 'start', at: T0 });
    expect(applyKeyEvent(run, { type: 'wait', for: 'touch' }).state).toBe('waiting-for-touch');
    expect(applyKeyEvent(run, { type: 'wait', for: 'reinsert' }).state).toBe(
      'waiting-for-reinsert',
    );
  });

  it('refuses events on a finished key except retry, which keeps completed steps', () => {
    let run = applyKeyEvent(enqueueKey(session('one'), key(1)), { type: 'start', at: T0 });
    run = applyKeyEvent(run, { type: 'step-done', step: 'setPin' });
    run = applyKeyEvent(run, { type: 'interrupt', at: T1 });
    expect(() => applyKeyEvent(run, { type: 'step', step: 'x' })).toThrow(/is interrupted/);
    const retried = applyKeyEvent(run, { type: 'retry' });
    expect(retried).toMatchObject({ state: 'queued', completedSteps: ['setPin'] });
  });

  it('enqueues a key once per serial', () => {
    const s = session('selected');
    enqueueKey(s, key(1));
    enqueueKey(s, { ...key(1), deviceId: 'other' });
    expect(Object.keys(s.keys)).toEqual(['S1']);
  });
});

describe('session closing rules', () => {
  function finish(s: Session, n: number, type: 'succeed' | 'interrupt' = 'succeed') {
    const run = applyKeyEvent(enqueueKey(s, key(n)), { type: 'start', at: T0 });
    s.keys[`S${n}`] = applyKeyEvent(run, { type, at: T1 });
  }

  it('closes a stop-when-done session once every key is finished, not before', () => {
    const s = session('stop-when-done');
    finish(s, 1);
    enqueueKey(s, key(2));
    expect(canClose(s)).toBe(false);
    finish(s, 2, 'interrupt');
    expect(canClose(s)).toBe(true);
    expect(closeSession(s, T1)).toMatchObject({ state: 'completed', finishedAt: T1 });
    expect(countKeys(s)).toEqual({ total: 2, succeeded: 1, failed: 0, interrupted: 1, skipped: 0 });
  });

  it('keeps a continuous session open (and accepting keys) until it is stopped, even with zero keys', () => {
    const s = session('continuous');
    expect(acceptsNewKeys(s)).toBe(true);
    expect(canClose(s)).toBe(false);
    s.state = 'stopping';
    expect(acceptsNewKeys(s)).toBe(false);
    expect(canClose(s)).toBe(true);
    expect(closeSession(s, T1).state).toBe('stopped');
  });

  it('never accepts new keys in a selected session', () => {
    expect(acceptsNewKeys(session('selected'))).toBe(false);
  });
});
