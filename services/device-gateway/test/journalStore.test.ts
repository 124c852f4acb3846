import { type NatsServer, startNats } from '@keyward/test-harness';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planResume } from '../src/domain/resume.ts';
import { applyKeyEvent, enqueueKey, newSession } from '../src/domain/session.ts';
import { JournalStore } from '../src/store/journalStore.ts';
import { openBuckets } from '../src/store/openBuckets.ts';

let nats: NatsServer;
let nc: NatsConnection;
let journal: JournalStore;

beforeAll(async () => {
  nats = await startNats({ jetstream: true });
  nc = await connect(nats.connectOptions('device-gateway'));
  journal = new JournalStore({ kv: (await openBuckets(nc)).journal });
});
afterAll(async () => {
  await nc?.close();
  await nats?.stop();
});

describe('session journal in JetStream KV', () => {
  it('reads back a session with each key at its last journaled step, and only for its gateway', async () => {
    const s = newSession({
      id: 'sess-1',
      gatewayId: 'gw-a',
      kind: 'configure',
      mode: 'selected',
      actor: 'user:a',
      policyId: 'p',
      now: '2026-01-01T00:00:00.000Z',
    });
    await journal.writeSession(s);
    let a = applyKeyEvent(enqueueKey(s, { deviceId: 'd1', serial: 'SER.1 /x', aaguid: 'g' }), {
      type: 'start',
      at: 't',
    });
    a = applyKeyEvent(a, { type: 'step-done', step: 'setPin' });
    a = applyKeyEvent(a, { type: 'step', step: 'setMinPinLength' });
    await journal.writeKey(s, a);
    const b = applyKeyEvent(
      applyKeyEvent(enqueueKey(s, { deviceId: 'd2', serial: 'SER_2', aaguid: 'g' }), {
        type: 'start',
        at: 't',
      }),
      { type: 'succeed', at: 't2' },
    );
    await journal.writeKey(s, b);
    await journal.writeSession(
      newSession({
        id: 'other',
        gatewayId: 'gw-b',
        kind: 'test',
        mode: 'one',
        actor: 'user:b',
        now: 't',
      }),
    );

    const [loaded, ...rest] = await journal.load('gw-a');
    expect(rest).toEqual([]);
    expect(loaded?.id).toBe('sess-1');
    expect(loaded?.keys['SER.1 /x']).toMatchObject({
      state: 'running',
      step: 'setMinPinLength',
      completedSteps: ['setPin'],
    });
    expect(loaded?.keys.SER_2?.state).toBe('succeeded');

    const plan = planResume({ session: loaded!, present: new Set(['SER.1 /x']), now: 't3' });
    expect(plan.keys.find((k) => k.serial === 'SER.1 /x')).toMatchObject({
      action: 'rerun',
      lastCompletedStep: 'setPin',
    });
  });
});
