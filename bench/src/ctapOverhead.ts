/**
 * Host-side overhead of @keyward/ctap: for a batch of operations against a zero-latency
 * simulator over the in-memory CTAPHID path, how much time is spent in our code (operations,
 * CTAP2 encoding/decoding, PIN protocol crypto, CTAPHID framing) versus inside the simulator
 * (its command handlers, instrumented, plus its endpoint's packet handling).
 *
 * Reproduce:  node --import tsx bench/src/ctapOverhead.ts [iterations]      (default 200)
 *        or:  npm run bench -- ctap   (once bench/src/run.ts dispatches to it)
 *
 * Everything runs on one thread, so wall time ≈ CPU time: host = total − sim.
 */
import { performance } from 'node:perf_hooks';
import {
  createAuthenticator,
  createCtapHidEndpoint,
  type VirtualAuthenticator,
} from '@keyward/authenticator-sim';
import {
  type CtapDevice,
  changePin,
  getAssertion,
  MemoryHidTransport,
  makeCredential,
  readDevice,
  setPin,
} from '@keyward/ctap';

const iterations = Number(process.argv[2] ?? 200);
const ORIGIN = 'https://bench.example';
const b64u = (n: number) => Buffer.alloc(n, 7).toString('base64url');

type Meter = { sim: number };

/** The simulator with its request handler timed (the endpoint calls `handleRequest`). */
function instrumented(auth: VirtualAuthenticator, meter: Meter): VirtualAuthenticator {
  const timed = Object.create(auth) as VirtualAuthenticator;
  Object.defineProperty(timed, 'handleRequest', {
    value: async (
      request: Uint8Array,
      options?: Parameters<VirtualAuthenticator['handleRequest']>[1],
    ) => {
      const t0 = performance.now();
      try {
        return await auth.handleRequest(request, options);
      } finally {
        meter.sim += performance.now() - t0;
      }
    },
  });
  return timed;
}

async function open(meter: Meter): Promise<CtapDevice> {
  const auth = createAuthenticator({ profile: 'generic' });
  await auth.ready();
  const endpoint = createCtapHidEndpoint(instrumented(auth, meter));
  return MemoryHidTransport.open({
    send: (report) => {
      const t0 = performance.now();
      endpoint.send(report);
      meter.sim += performance.now() - t0;
    },
    onReport: (cb) => endpoint.onReport(cb),
  });
}

type Op = { name: string; run: (dev: CtapDevice) => Promise<unknown> };

const PINS = ['24681357', '13572468'] as const;
let pin: string = PINS[0];
let credential: { id: string; publicKey: string } | undefined;

const OPS: Op[] = [
  { name: 'readDevice', run: (dev) => readDevice(dev) },
  {
    name: 'makeCredential',
    run: async (dev) => {
      const r = await makeCredential(dev, {
        origin: ORIGIN,
        pin,
        publicKey: {
          rp: { id: 'bench.example', name: 'Bench' },
          user: { id: b64u(16), name: 'u', displayName: 'U' },
          challenge: b64u(32),
          pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
        },
      });
      credential = { id: r.credentialId, publicKey: r.publicKey };
    },
  },
  {
    name: 'getAssertion',
    run: (dev) =>
      getAssertion(dev, {
        origin: ORIGIN,
        pin,
        credentialPublicKey: credential!.publicKey,
        publicKey: {
          challenge: b64u(32),
          allowCredentials: [{ id: credential!.id, type: 'public-key' }],
        },
      }),
  },
  {
    name: 'changePin',
    run: async (dev) => {
      const next = pin === PINS[0] ? PINS[1] : PINS[0];
      await changePin(dev, { currentPin: pin, newPin: next });
      pin = next;
    },
  },
];

async function main(): Promise<void> {
  const meter: Meter = { sim: 0 };
  const dev = await open(meter);
  await setPin(dev, { pin });
  // Warm-up: JIT, key generation paths.
  for (let i = 0; i < 10; i++) for (const op of OPS) await op.run(dev);

  const perOp = new Map<string, { total: number; sim: number }>();
  const startAll = performance.now();
  meter.sim = 0;
  for (let i = 0; i < iterations; i++) {
    for (const op of OPS) {
      const sim0 = meter.sim;
      const t0 = performance.now();
      await op.run(dev);
      const entry = perOp.get(op.name) ?? { total: 0, sim: 0 };
      entry.total += performance.now() - t0;
      entry.sim += meter.sim - sim0;
      perOp.set(op.name, entry);
    }
  }
  const total = performance.now() - startAll;
  await dev.close();

  const fmt = (ms: number) => `${(ms / iterations).toFixed(3)} ms`;
  console.log(
    `ctap host overhead — ${iterations} iterations × ${OPS.length} operations, in-memory CTAPHID, zero-latency sim`,
  );
  console.log('operation        total/op     sim/op      host/op    host:sim');
  for (const [name, e] of perOp) {
    const host = e.total - e.sim;
    console.log(
      `${name.padEnd(16)} ${fmt(e.total).padStart(10)} ${fmt(e.sim).padStart(10)} ${fmt(host).padStart(10)}    ${(host / e.sim).toFixed(2)}`,
    );
  }
  const host = total - meter.sim;
  console.log(
    `ALL              ${fmt(total).padStart(10)} ${fmt(meter.sim).padStart(10)} ${fmt(host).padStart(10)}    ${(host / meter.sim).toFixed(2)}`,
  );
  console.log(`host share of total time: ${((100 * host) / total).toFixed(1)} %`);
}

await main();
