/**
 * Device-gateway configure throughput against the device-bound limit, and the gateway's own
 * overhead per operation.
 *
 * Part 1: N virtual keys (N = 1, 8, 32, 64) with a modelled hardware latency per CTAP command
 * (the simulator's latency profile below) are configured in one stop-when-done session through
 * the REST API. Each key's device time D is the sum of the modelled latencies of the commands it
 * actually received; the device-bound limit is N × 1/D keys per second (every key busy all the
 * time, the gateway free). Throughput is N / wall time from POST /sessions/configure to
 * session.completed.
 *
 * Part 2: zero-latency keys configured one at a time (POST /devices/{id}/configure?wait=true);
 * the gateway's overhead per operation is the wall time minus the time spent inside the CTAP
 * operations (host CTAP code + simulator): HTTP + JWT check, lease create/delete in KV, journal
 * writes, the policy plan request over NATS, event publishing.
 *
 * Real parts: nats-server with JetStream, a JWT issuer, the gateway over HTTP, @keyward/ctap over
 * the in-memory CTAPHID transport, @keyward/authenticator-sim; the policy/reporting answers come
 * from the contract responders of the gateway tests (no database in the path).
 *
 * Reproduce:  npm run bench -- gateway            (or: node --import tsx bench/src/gatewayConfigure.ts)
 *             optional args: <sizes, default 1,8,32,64> <zero-latency ops, default 30>
 */
import { performance } from 'node:perf_hooks';
import { attachBusIdentity, createLogger } from '@keyward/service-kit';
import { startNats, startOidcIssuer } from '@keyward/test-harness';
import { connect } from '@nats-io/transport-node';
import { gatewayConfigSchema } from '../../services/device-gateway/src/config.ts';
import { ctapDeviceOperations } from '../../services/device-gateway/src/devices/ctapDeviceOperations.ts';
import type { DeviceOperations } from '../../services/device-gateway/src/devices/deviceOperations.ts';
import { startGateway } from '../../services/device-gateway/src/startGateway.ts';
import { startResponders } from '../../services/device-gateway/test/support/responders.ts';

/** Modelled hardware latency per CTAP command, in ms (USB key order of magnitude). */
const LATENCY = { getInfo: 10, clientPin: 40, config: 40 } as const;
/** The simulator reports clientPin sub-commands by name; they take the clientPin latency. */
const CLIENT_PIN_SUBCOMMANDS = new Set([
  'getPINRetries',
  'getKeyAgreement',
  'setPIN',
  'changePIN',
  'getPINToken',
  'getPinUvAuthTokenUsingPinWithPermissions',
  'getPinUvAuthTokenUsingUvWithPermissions',
  'getUVRetries',
]);
const modelled = (command: string): number =>
  LATENCY[command as keyof typeof LATENCY] ??
  (CLIENT_PIN_SUBCOMMANDS.has(command) ? LATENCY.clientPin : 0);

const sizes = (process.argv[2] ?? '1,8,32,64').split(',').map(Number);
const zeroOps = Number(process.argv[3] ?? 30);

const logger = createLogger({ name: 'bench', level: 'silent' });
const nats = await startNats({ jetstream: true });
const nc = attachBusIdentity(
  await connect(nats.connectOptions('operator')),
  nats.credentialsFile('operator'),
);
const gatewayNc = attachBusIdentity(
  await connect(nats.connectOptions('device-gateway')),
  nats.credentialsFile('device-gateway'),
);
const issuer = await startOidcIssuer();
const responders = await startResponders(nc, logger, { issuer });

/** Time spent inside the CTAP operations (host library + simulator), for part 2. */
const inOps = { ms: 0 };
const real = ctapDeviceOperations();
const timedOps: DeviceOperations = Object.fromEntries(
  Object.entries(real).map(([name, fn]) => [
    name,
    async (...args: unknown[]) => {
      const t0 = performance.now();
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        inOps.ms += performance.now() - t0;
      }
    },
  ]),
) as unknown as DeviceOperations;

const config = gatewayConfigSchema.parse({
  NATS_URL: nats.url,
  NATS_CREDENTIALS: nats.credentialsFile('device-gateway'),
  HTTP_PORT: '0',
  AUTH_ISSUER: issuer.issuer,
  AUTH_JWKS_URL: issuer.jwksUrl,
  GATEWAY_ID: 'gw-bench',
  KEYWARD_SIM: 'true',
  KEYWARD_HID: 'false',
  LOG_LEVEL: 'silent',
});
const gateway = await startGateway({ config, nc: gatewayNc, logger, ops: timedOps });
const sim = gateway.sim!;
const token = issuer.token({ sub: 'bench', permissions: ['device:read', 'device:configure'] });
const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${gateway.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; sessionId: string };
};
const unplugAll = async () => {
  for (const d of sim.list()) await sim.unplug(d.deviceId);
};
const sessionClosed = (id: string) =>
  new Promise<void>((resolve) => {
    const s = gateway.core.sessions.get(id);
    if (s && (s.state === 'completed' || s.state === 'stopped')) return resolve();
    const off = gateway.core.sessions.subscribe(id, (m) => {
      if (m.type === 'session') {
        off();
        resolve();
      }
    });
  });

console.log(`modelled latency per command (ms): ${JSON.stringify(LATENCY)}`);
// Warm-up (JWKS fetch, KV buckets, first NATS requests, JIT): one configure, not measured.
{
  const warm = await sim.plug({ profile: 'generic' });
  await api('POST', `/devices/${warm.deviceId}/configure?wait=true`, { policyId: 'std' });
}
console.log('\nPart 1 — N keys configured at once (one stop-when-done session)');
console.log('   N | device time/key | limit keys/s | measured keys/s | of limit | wall ms');
for (const n of sizes) {
  await unplugAll();
  const deviceMs = new Map<string, number>();
  const commands = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    const { deviceId, serial } = await sim.plug({ profile: 'generic', latency: LATENCY });
    deviceMs.set(serial, 0);
    sim.authenticator(deviceId).onEvent((e) => {
      if (e.type !== 'command') return;
      deviceMs.set(serial, (deviceMs.get(serial) ?? 0) + modelled(e.command));
      commands.set(e.command, (commands.get(e.command) ?? 0) + 1);
    });
  }
  for (const serial of deviceMs.keys()) deviceMs.set(serial, 0); // count the configure only
  commands.clear();
  const t0 = performance.now();
  const session = await api('POST', '/sessions/configure', {
    policyId: 'std',
    mode: 'stop-when-done',
  });
  if (process.env.BENCH_TRACE) {
    console.log('  POST returned', (performance.now() - t0).toFixed(0));
    gateway.core.sessions.subscribe(session.id, (m) => {
      if (m.type === 'key')
        console.log(
          '  ',
          (performance.now() - t0).toFixed(0),
          m.run.state,
          m.run.step ?? '',
          m.run.completedSteps.at(-1) ?? '',
        );
    });
  }
  await sessionClosed(session.id);
  const wall = performance.now() - t0;
  const s = gateway.core.sessions.get(session.id)!;
  const ok = Object.values(s.keys).filter((k) => k.state === 'succeeded').length;
  if (ok !== n) throw new Error(`only ${ok}/${n} keys configured`);
  if (n === 1)
    console.log(`      commands of one configure: ${JSON.stringify(Object.fromEntries(commands))}`);
  const d = [...deviceMs.values()].reduce((a, b) => a + b, 0) / n;
  const limit = n / (d / 1000);
  const measured = n / (wall / 1000);
  console.log(
    `${String(n).padStart(4)} | ${d.toFixed(0).padStart(12)} ms | ${limit.toFixed(1).padStart(12)} | ${measured.toFixed(1).padStart(15)} | ${((measured / limit) * 100).toFixed(0).padStart(7)}% | ${wall.toFixed(0).padStart(7)}`,
  );
}

console.log(
  `\nPart 2 — gateway overhead per configure, zero-latency keys, ${zeroOps} sequential ops`,
);
await unplugAll();
const keys = [];
for (let i = 0; i < zeroOps; i += 1) keys.push(await sim.plug({ profile: 'generic' }));
await api('POST', `/devices/${keys[0]!.deviceId}/configure?wait=true`, { policyId: 'std' }); // warm-up
inOps.ms = 0;
const t0 = performance.now();
for (const k of keys.slice(1))
  await api('POST', `/devices/${k.deviceId}/configure?wait=true`, { policyId: 'std' });
const ops = keys.length - 1;
const perOp = (performance.now() - t0) / ops;
const ctapPerOp = inOps.ms / ops;
console.log(`  wall per configure:           ${perOp.toFixed(1)} ms`);
console.log(`  inside CTAP ops (host + sim): ${ctapPerOp.toFixed(1)} ms`);
console.log(
  `  gateway overhead:             ${(perOp - ctapPerOp).toFixed(1)} ms (${(((perOp - ctapPerOp) / perOp) * 100).toFixed(0)}%)`,
);

await unplugAll();
await gateway.stop();
await responders.stop();
await gatewayNc.close();
await nc.close();
await issuer.stop();
await nats.stop();
process.exit(0);
