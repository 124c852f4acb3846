import { attachBusIdentity, createLogger } from '@keyward/service-kit';
import {
  freePort,
  type ManagedProcess,
  type NatsServer,
  type OidcIssuer,
  repoRoot,
  spawnProcess,
  startNats,
  startOidcIssuer,
  tempDir,
  waitForPort,
} from '@keyward/test-harness';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, type CapturedEvent, eventually } from './support/gatewayHarness.ts';
import { type Responders, startResponders } from './support/responders.ts';

let nats: NatsServer;
let nc: NatsConnection;
let issuer: OidcIssuer;
let responders: Responders;
let stateDir: ReturnType<typeof tempDir>;
let port: number;
const events: CapturedEvent[] = [];
let gateway: ManagedProcess | undefined;

beforeAll(async () => {
  nats = await startNats({ jetstream: true });
  nc = attachBusIdentity(
    await connect(nats.connectOptions('operator')),
    nats.credentialsFile('operator'),
  );
  issuer = await startOidcIssuer();
  responders = await startResponders(nc, createLogger({ name: 't', level: 'silent' }), {
    issuer,
  });
  stateDir = tempDir('gw-sim');
  port = await freePort();
  nc.subscribe('keyward.evt.>', {
    callback: (_e, msg) => {
      const e = JSON.parse(msg.string());
      events.push({
        type: e.type,
        subject: e.subject,
        actor: e.actor,
        data: e.data,
        raw: msg.string(),
      });
    },
  });
});
afterAll(async () => {
  await gateway?.stop();
  await responders?.stop();
  await nc?.close();
  await issuer?.stop();
  await nats?.stop();
  await stateDir?.remove();
});

/** The real service entry point as its own process: `node --import tsx src/main.ts`. */
async function startGatewayProcess(): Promise<ManagedProcess> {
  const proc = spawnProcess({
    name: 'device-gateway',
    command: process.execPath,
    args: ['--import', 'tsx', 'services/device-gateway/src/main.ts'],
    cwd: repoRoot(),
    env: {
      ...process.env,
      NATS_URL: nats.url,
      NATS_CREDENTIALS: nats.credentialsFile('device-gateway'),
      HTTP_PORT: String(port),
      AUTH_ISSUER: issuer.issuer,
      AUTH_JWKS_URL: issuer.jwksUrl,
      GATEWAY_ID: 'gw-crash',
      KEYWARD_SIM_DEVICES: '2:generic',
      KEYWARD_SIM_STATE_DIR: stateDir.path,
      // Modelled slow hardware so the kill lands inside a step.
      KEYWARD_SIM_LATENCY: 'config=1500',
      KEYWARD_HID: 'false',
      LOG_LEVEL: 'warn',
    },
  });
  try {
    await waitForPort({ port, abort: proc.exitReason });
  } catch (error) {
    throw new Error(`gateway did not start: ${(error as Error).message}\n${proc.output()}`);
  }
  return proc;
}

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${issuer.token({ sub: 'alice', permissions: [...ALL_PERMISSIONS] })}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: asserted field by field
  return { status: res.status, body: (await res.json()) as any };
}

describe('crash safety', () => {
  it('resumes a session from the KV journal after the gateway is killed mid-step, reporting the interrupted step', async () => {
    gateway = await startGatewayProcess();
    const devices = await api('GET', '/devices');
    expect(devices.body.devices).toHaveLength(2);
    const serials = devices.body.devices.map((d: { serial: string }) => d.serial).sort();
    const started = await api('POST', '/sessions/configure', {
      policyId: 'std',
      mode: 'stop-when-done',
    });
    expect(started.status).toBe(202);
    const sessionId = started.body.id as string;
    // Wait until a key is inside the (slow) setMinPinLength step, then kill -9.
    await eventually(
      () =>
        events.find(
          (e) =>
            e.type === 'keyward.session.progress' &&
            e.data.sessionId === sessionId &&
            e.data.step === 'setMinPinLength' &&
            e.data.state === 'running',
        ),
      'a key inside setMinPinLength',
    );
    process.kill(gateway.pid, 'SIGKILL');
    await gateway.exited;
    expect(
      events.some((e) => e.type === 'keyward.session.completed' && e.data.sessionId === sessionId),
    ).toBe(false);

    gateway = await startGatewayProcess();
    const resumed = await eventually(
      () =>
        events.find(
          (e) =>
            e.type === 'keyward.session.started' &&
            e.data.sessionId === sessionId &&
            e.data.resumed === true,
        ),
      'session resumed',
    );
    expect(resumed.data.mode).toBe('stop-when-done');
    const interrupted = events.filter(
      (e) => e.type === 'keyward.device.interrupted' && e.data.sessionId === sessionId,
    );
    expect(interrupted.length).toBeGreaterThan(0);
    for (const e of interrupted) {
      expect(e.data.step).toBe('setMinPinLength');
      expect(e.data.completedSteps).toEqual(expect.arrayContaining(['read', 'plan', 'setPin']));
    }
    const done = await eventually(
      () =>
        events.find(
          (e) => e.type === 'keyward.session.completed' && e.data.sessionId === sessionId,
        ),
      'resumed session completed',
      1200,
    );
    expect(done.data.counts).toMatchObject({ total: 2, succeeded: 2 });
    const after = await api('GET', '/devices?expand=true');
    expect(after.body.devices.map((d: { serial: string }) => d.serial).sort()).toEqual(serials);
    for (const d of after.body.devices)
      expect(d).toMatchObject({
        status: 'CONFIGURED',
        minPinLength: 6,
        flags: { interrupted: false },
      });
    const report = await api('GET', `/sessions/${sessionId}/report?format=json`);
    expect(report.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual([
      'succeeded',
      'succeeded',
    ]);

    // A finished session's status and report outlive the process (the journal keeps a week).
    await gateway.stop();
    gateway = await startGatewayProcess();
    // The journal is loaded before the port opens.
    const kept = await api('GET', `/sessions/${sessionId}/report?format=json`);
    expect(kept.status).toBe(200);
    expect(kept.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual([
      'succeeded',
      'succeeded',
    ]);
    expect((await api('GET', `/sessions/${sessionId}`)).body.state).toBe('completed');
  }, 180_000);
});
