import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type GatewayHarness, startGatewayHarness } from './support/gatewayHarness.ts';

let h: GatewayHarness;
beforeAll(async () => {
  h = await startGatewayHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function plug(profile = 'generic', extra: { latency?: Record<string, number> } = {}) {
  return h.gateway.sim!.plug({ profile, ...extra });
}
async function unplugAll() {
  for (const d of h.gateway.sim!.list()) await h.gateway.sim!.unplug(d.deviceId);
}
async function sessionDone(id: string) {
  return eventually(async () => undefined, 'noop', 1)
    .catch(() => undefined)
    .then(() =>
      eventually(() => {
        const s = h.gateway.core.sessions.get(id);
        return s && (s.state === 'completed' || s.state === 'stopped') ? s : undefined;
      }, `session ${id} closed`),
    );
}

describe('bulk configure sessions', () => {
  it('configures the selected keys concurrently and reports one row per key', async () => {
    await unplugAll();
    const a = await plug();
    const b = await plug();
    await plug(); // not selected
    const r = await h.api('POST', '/sessions/configure', {
      body: { policyId: 'std', deviceIds: [a.deviceId, b.deviceId] },
    });
    expect(r.status, r.text).toBe(202);
    expect(r.body.mode).toBe('selected');
    const s = await sessionDone(r.body.id);
    expect(Object.values(s.keys).map((k) => k.state)).toEqual(['succeeded', 'succeeded']);
    const json = await h.api('GET', `/sessions/${r.body.id}/report?format=json`);
    expect(json.body.rows.map((row: { serial: string }) => row.serial).sort()).toEqual(
      [a.serial, b.serial].sort(),
    );
    expect(json.body.rows[0]).toMatchObject({ policy: 'Standard v1', outcome: 'succeeded' });
    const csv = await h.api('GET', `/sessions/${r.body.id}/report?format=csv`);
    expect(csv.text.split('\r\n')[0]).toBe(
      'serial,aaguid,policy,user,outcome,error,started,finished',
    );
    expect(csv.text.trim().split('\r\n')).toHaveLength(3);
    const completed = await eventually(
      () =>
        h.events.find(
          (e) => e.type === 'keyward.session.completed' && e.data.sessionId === r.body.id,
        ),
      'session.completed',
    );
    expect(completed.data.counts).toMatchObject({ total: 2, succeeded: 2 });
  });

  it('configures every connected key in stop-when-done mode and then closes', async () => {
    await unplugAll();
    await plug();
    await plug('enterprise');
    const r = await h.api('POST', '/sessions/configure', {
      body: { policyId: 'std', mode: 'stop-when-done' },
    });
    expect(r.status).toBe(202);
    const s = await sessionDone(r.body.id);
    expect(s.state).toBe('completed');
    expect(Object.keys(s.keys)).toHaveLength(2);
    expect(Object.values(s.keys).every((k) => k.state === 'succeeded')).toBe(true);
  });

  it('keeps a continuous session open from zero keys, configures each key plugged in, and closes on stop', async () => {
    await unplugAll();
    const r = await h.api('POST', '/sessions/configure', {
      body: { policyId: 'std', mode: 'continuous' },
    });
    expect(r.status).toBe(202);
    expect(r.body.keys).toEqual([]);
    const k1 = await plug();
    const k2 = await plug();
    await eventually(() => {
      const s = h.gateway.core.sessions.get(r.body.id)!;
      return s.keys[k1.serial]?.state === 'succeeded' && s.keys[k2.serial]?.state === 'succeeded';
    }, 'both keys configured');
    expect(h.gateway.core.sessions.get(r.body.id)!.state).toBe('running');
    const stop = await h.api('POST', `/sessions/${r.body.id}/stop`);
    expect(stop.status).toBe(200);
    const s = await sessionDone(r.body.id);
    expect(s.state).toBe('stopped');
    const k3 = await plug();
    expect(s.keys[k3.serial]).toBeUndefined();
  });

  it('without a mode, configures the connected keys, or keeps going for new ones when none is connected', async () => {
    await unplugAll();
    const idle = await h.api('POST', '/sessions/configure', { body: { policyId: 'std' } });
    expect(idle.status, idle.text).toBe(202);
    expect(idle.body.mode).toBe('continuous');
    expect((await h.api('POST', `/sessions/${idle.body.id}/stop`)).status).toBe(200);
    await sessionDone(idle.body.id);
    await plug();
    const some = await h.api('POST', '/sessions/configure', { body: { policyId: 'std' } });
    expect(some.body.mode).toBe('stop-when-done');
    await sessionDone(some.body.id);
    const both = await h.api('POST', '/sessions/configure', {
      body: { policyId: 'std', mode: 'continuous', deviceIds: ['x'] },
    });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toContain('not both');
  });

  it('streams each key transition over Server-Sent Events until the session closes', async () => {
    await unplugAll();
    const key = await plug('generic', { latency: { config: 100 } });
    const r = await h.api('POST', `/devices/${key.deviceId}/configure`, {
      body: { policyId: 'std' },
    });
    expect(r.status, r.text).toBe(202);
    const res = await fetch(`${h.gateway.url}/sessions/${r.body.sessionId}/events`, {
      headers: { authorization: `Bearer ${h.token()}` },
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    const events = text
      .split('\n\n')
      .filter((b) => b.startsWith('event:'))
      .map((b) => b.split('\n')[0]!.slice('event: '.length));
    expect(events[0]).toBe('snapshot');
    expect(events.at(-1)).toBe('session');
    expect(events.filter((e) => e === 'key').length).toBeGreaterThan(0);
    expect(text).toContain('"state":"succeeded"');
  });
});

describe('leases and interruptions', () => {
  it('gives one of two concurrent configures of the same key a 409 naming the holder; the key ends consistent', async () => {
    await unplugAll();
    const key = await plug('generic', { latency: { config: 50 } });
    const [x, y] = await Promise.all([
      h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, {
        body: { policyId: 'std' },
        sub: 'alice',
      }),
      h.api('POST', `/devices/${key.deviceId}/configure?wait=true`, {
        body: { policyId: 'std' },
        sub: 'bob',
      }),
    ]);
    const statuses = [x.status, y.status].sort();
    expect(statuses).toEqual([200, 409]);
    const busy = x.status === 409 ? x : y;
    expect(busy.body.error.code).toBe('DEVICE_BUSY');
    expect(busy.body.error.message).toMatch(
      /^device busy: held by user:(alice|bob) \(configure .+\) since /,
    );
    const view = await h.api('GET', `/devices/${key.deviceId}`);
    expect(view.body).toMatchObject({
      status: 'CONFIGURED',
      pinSet: true,
      minPinLength: 6,
      flags: { busy: false },
    });
  });

  it('marks a key pulled mid-configure INTERRUPTED with its step, and repairs it when it comes back', async () => {
    await unplugAll();
    const key = await plug('generic', { latency: { config: 400 } });
    const r = await h.api('POST', `/devices/${key.deviceId}/configure`, {
      body: { policyId: 'std' },
    });
    expect(r.status).toBe(202);
    const sessionId = r.body.sessionId as string;
    // The key's current run, not only the messages: the session may reach the step before this
    // test subscribed (the 202 comes back while the key is already being configured).
    const current = () => h.gateway.core.sessions.get(sessionId)?.keys[key.serial];
    const inStep = (run = current()) =>
      run?.step === 'setMinPinLength' && !run.completedSteps.includes('setMinPinLength');
    await eventually(() => inStep(), 'setMinPinLength started');
    await h.gateway.sim!.unplug(key.deviceId);
    const s = await sessionDone(sessionId);
    expect(s.keys[key.serial]).toMatchObject({
      state: 'interrupted',
      step: 'setMinPinLength',
      completedSteps: ['read', 'plan', 'setPin'],
    });
    const interrupted = await eventually(
      () =>
        h.events.find((e) => e.type === 'keyward.device.interrupted' && e.subject === key.serial),
      'device.interrupted',
    );
    expect(interrupted.data).toMatchObject({ operation: 'configure', step: 'setMinPinLength' });
    // The progress stream says `interrupted` (repairable), not `failed`.
    const progress = await eventually(
      () =>
        h.events.find(
          (e) =>
            e.type === 'keyward.session.progress' &&
            e.subject === key.serial &&
            e.data.sessionId === sessionId &&
            e.data.outcome === 'interrupted',
        ),
      'session.progress for the interrupted key',
    );
    expect(progress.data.state).toBe('interrupted');
    expect(h.gateway.core.sessions.isInterrupted(key.serial)).toBe(true);
    // Put it back: the idempotent plan runs again (PIN already set → only the missing step).
    const back = await h.gateway.sim!.plug({ profile: 'generic', serial: key.serial });
    await eventually(() => !h.gateway.core.sessions.isInterrupted(key.serial), 'repaired');
    const view = await h.api('GET', `/devices/${back.deviceId}`);
    expect(view.body).toMatchObject({
      status: 'CONFIGURED',
      minPinLength: 6,
      flags: { interrupted: false },
    });
    const repair = h.gateway.core.sessions
      .list()
      .find((x) => x.id !== sessionId && x.keys[key.serial]?.state === 'succeeded');
    // The PIN was already set before the pull, so the re-run plan does not set it again.
    expect(repair?.keys[key.serial]?.completedSteps).not.toContain('setPin');
  });
});

describe('apply linked policy', () => {
  it('applies the inventory-linked policy to one READY key, and refuses a key that is not READY', async () => {
    await unplugAll();
    const ready = await plug();
    const plain = await plug();
    h.responders.inventory.set(ready.serial, {
      serial: ready.serial,
      aaguid: '8f4c0add-96f0-404f-80e0-4cb0c1012d04',
      status: 'READY',
      policyId: 'std',
    });
    const list = await h.api('GET', '/devices');
    expect(list.body.devices.find((d: { id: string }) => d.id === ready.deviceId).status).toBe(
      'READY',
    );
    const r = await h.api('POST', `/devices/${ready.deviceId}/apply-policy?wait=true`, {
      body: {},
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.run).toMatchObject({ state: 'succeeded', policyId: 'std' });
    const refused = await h.api('POST', `/devices/${plain.deviceId}/apply-policy`, { body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      `device ${plain.serial} is NOT CONFIGURED; apply-policy needs READY`,
    );
  });

  it('reports a key pulled mid apply-policy as an interrupted apply-policy, not a configure', async () => {
    await unplugAll();
    const key = await plug('generic', { latency: { config: 400 } });
    h.responders.inventory.set(key.serial, {
      serial: key.serial,
      aaguid: '8f4c0add-96f0-404f-80e0-4cb0c1012d04',
      status: 'READY',
      policyId: 'std',
    });
    const r = await h.api('POST', `/devices/${key.deviceId}/apply-policy`, { body: {} });
    expect(r.status, r.text).toBe(202);
    const sessionId = r.body.sessionId as string;
    // The key's current run, not only the messages: the session may reach the step before this
    // test subscribed (the 202 comes back while the key is already being configured).
    const current = () => h.gateway.core.sessions.get(sessionId)?.keys[key.serial];
    const inStep = (run = current()) =>
      run?.step === 'setMinPinLength' && !run.completedSteps.includes('setMinPinLength');
    await eventually(() => inStep(), 'setMinPinLength started');
    await h.gateway.sim!.unplug(key.deviceId);
    await sessionDone(sessionId);
    const interrupted = await eventually(
      () =>
        h.events.find(
          (e) => e.type === 'keyward.device.interrupted' && e.data.sessionId === sessionId,
        ),
      'device.interrupted',
    );
    expect(interrupted.data).toMatchObject({ operation: 'apply-policy', step: 'setMinPinLength' });
  });

  it('applies linked policies to all READY keys in one session', async () => {
    await unplugAll();
    const a = await plug();
    const b = await plug('enterprise');
    await plug();
    h.responders.inventory.set(a.serial, {
      serial: a.serial,
      aaguid: '8f4c0add-96f0-404f-80e0-4cb0c1012d04',
      status: 'READY',
      policyId: 'std',
    });
    h.responders.inventory.set(b.serial, {
      serial: b.serial,
      aaguid: '8f0e0c5a-e2b6-4033-8a26-2c51078fbaa4',
      status: 'READY',
      policyId: 'ent',
    });
    const r = await h.api('POST', '/devices/apply-policy', { body: {} });
    expect(r.status, r.text).toBe(202);
    const s = await sessionDone(r.body.id);
    expect(s.kind).toBe('apply-policy');
    expect(Object.keys(s.keys).sort()).toEqual([a.serial, b.serial].sort());
    expect(s.keys[b.serial]).toMatchObject({ state: 'succeeded', policyName: 'Enterprise' });
    expect(s.keys[b.serial]?.completedSteps).toContain('setAdminPin');
  });
});

describe('finished sessions', () => {
  it('keeps a finished session readable for the journal’s week, then forgets it', async () => {
    const day = 24 * 3600 * 1000;
    let now = Date.now();
    const g = await h.startAnother({ GATEWAY_ID: 'gw-retention' }, { now: () => new Date(now) });
    // A fresh key each time: configure starts only from NOT CONFIGURED (the action table).
    const configure = async () => {
      const key = await g.sim!.plug({ profile: 'generic' });
      const res = await fetch(`${g.url}/devices/${key.deviceId}/configure?wait=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.token()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ policyId: 'std' }),
      });
      expect(res.status).toBe(200);
      const id = ((await res.json()) as { sessionId: string }).sessionId;
      await eventually(() => g.core.sessions.get(id)?.finishedAt, `session ${id} finished`);
      return id;
    };
    const first = await configure();
    now += 6 * day;
    const second = await configure();
    expect(g.core.sessions.get(first)?.state).toBe('completed');
    now += 2 * day;
    await configure();
    expect(g.core.sessions.get(first)).toBeUndefined();
    expect(g.core.sessions.get(second)?.state).toBe('completed');
  });
});
