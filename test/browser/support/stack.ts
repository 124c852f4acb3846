import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { SUBJECTS } from '@keyward/contracts';
import { type EntraEmulator, type NewUser, startEntraEmulator } from '@keyward/idp-emulators';
import {
  freePort,
  type ManagedProcess,
  type NatsServer,
  repoRoot,
  spawnProcess,
  startMongo,
  startNats,
  tempDir,
  uniqueDbName,
  waitForPort,
} from '@keyward/test-harness';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll } from 'vitest';
import {
  CONSOLE_CLIENT_ID,
  CONSOLE_SCOPE,
  DEV_AUDIENCE,
  type DevIssuer,
  loadOrCreateIssuerState,
  requestDevToken,
  startDevIssuer,
} from '../../../deploy/src/devIssuer.ts';
import { type ApiReply, api } from '../../e2e/support/api.ts';
import type { KnownSecret } from '../../e2e/support/leakScan.ts';
import { ensureConsoleBuilt } from './build.ts';
import { fileOutputDir } from './output.ts';

/** The processes of a console stack, by their workspace name under services/. */
export type StackServiceName = 'policy' | 'identity' | 'reporting' | 'device-gateway' | 'console';

/** Virtual key profiles of the gateway's simulation (POST /simulation/devices). */
export type SimProfile = 'generic' | 'enterprise' | 'ctap20' | 'nfc-only';

/** Users of the Entra emulator unless the stack is given others. */
export const DIRECTORY_USERS: readonly NewUser[] = [
  { login: 'alice@contoso.example', givenName: 'Alice', surname: 'Adams' },
  { login: 'bob@contoso.example', givenName: 'Bob', surname: 'Brown' },
  { login: 'carol@contoso.example', givenName: 'Carol', surname: 'Clark' },
  { login: 'dave@contoso.example', givenName: 'Dave', surname: 'Davis' },
];

export interface ConsoleStackOptions {
  /** Lifetime of the access tokens the dev provider issues (session-expiry scenarios). */
  accessTokenTtlSeconds?: number;
  /** Users in the Entra emulator (the default IdP). Default DIRECTORY_USERS. */
  directoryUsers?: readonly NewUser[];
  /** How long a reset waits for the key to be pulled out and put back. Default 15 000 ms. */
  resetReinsertTimeoutMs?: number;
  /** Where the services' output is written on stop; default the running test file's folder. */
  outputDir?: string;
  /** More environment per process (overrides the stack's). */
  env?: Partial<Record<StackServiceName, Record<string, string>>>;
}

/** A service process of the stack and everything it wrote (across restarts). */
export interface StackProcess {
  readonly name: StackServiceName;
  /** http://127.0.0.1:<port>; the port stays the same across a restart. */
  readonly url: string;
  readonly port: number;
  /** Every stdout/stderr line since the first start. */
  readonly lines: { stream: 'stdout' | 'stderr'; line: string }[];
  /** The current process (a new one after restart). */
  readonly proc: ManagedProcess;
}

/** A virtual key plugged in through the gateway; `await using` unplugs it. */
export interface SimKey extends AsyncDisposable {
  readonly serial: string;
  readonly profile: SimProfile;
  /** The gateway's current id of the key (it changes on reinsert and gateway restart). */
  deviceId(): Promise<string>;
  /** Approves the key's pending user-presence request (KEYWARD_SIM_PRESENCE=manual). */
  touch(): Promise<void>;
  /** Pulls the key out and plugs it back in (the reset window opens). */
  reinsert(): Promise<void>;
  /** Runs the key's PIN retries out, so it is LOCKED. */
  blockPin(): Promise<void>;
  /** Unplugs the key and forgets its saved state, so a gateway restart does not bring it back. */
  unplug(): Promise<void>;
}

export interface CreatedPolicy {
  id: string;
  name: string;
  version: number;
  // biome-ignore lint/suspicious/noExplicitAny: the policy service's reply, asserted by tests
  [field: string]: any;
}

export interface ConsoleStack extends AsyncDisposable {
  /** Where the browser opens the console: http://127.0.0.1:<port>. */
  readonly consoleUrl: string;
  /** The dev OpenID provider (in this process): issuer, jwksUrl, tokenUrl. */
  readonly issuer: DevIssuer;
  /** The device gateway's URL as the console gives it to the browser. */
  readonly gatewayUrl: string;
  readonly entra: EntraEmulator;
  /** The identity service's default IdP connection (the Entra emulator). */
  readonly idpId: string;
  readonly directoryUsers: readonly NewUser[];
  readonly processes: ReadonlyMap<StackServiceName, StackProcess>;
  /** Secrets this stack made (the Entra client secret, the services' KEKs) for leak checks. */
  readonly secrets: readonly KnownSecret[];
  /** Every line a service process wrote, joined (for leak checks and failure messages). */
  output(name: StackServiceName): string;
  /** An access token of the demo administrator (client credentials; every permission). */
  adminToken(): Promise<string>;
  /** One REST call to a service as the demo administrator. */
  api(service: StackServiceName, method: string, path: string, body?: unknown): Promise<ApiReply>;
  /** POST /policies on the policy service; `input` overrides the defaults (generated 8-digit PIN). */
  createPolicy(input?: Record<string, unknown>): Promise<CreatedPolicy>;
  /** Links keys by serial to a policy (their status becomes READY). */
  linkKeys(policyId: string, serials: readonly string[]): Promise<void>;
  /** Plugs a virtual key into the gateway (POST /simulation/devices). */
  plugKey(profile?: SimProfile, options?: { serial?: string }): Promise<SimKey>;
  /**
   * Revokes the passkeys enrolled on a key as the demo administrator (identity's
   * POST /devices/:serial/revoke); the key turns REVOKED.
   */
  revokeKey(serial: string): Promise<void>;
  /**
   * The database a service stores into (its MONGO_URL, with credentials, and MONGO_DB), for
   * tests that must change a stored record directly (tamper evidence).
   */
  database(name: StackServiceName): { url: string; dbName: string };
  /**
   * Resolves once the reporting service has consumed every event on the bus so far (its durable
   * has nothing pending or unacknowledged): the inventory and audit trail are up to date.
   */
  reportingCaughtUp(): Promise<void>;
  /** Stops the device gateway process (SIGTERM); the page keeps running. */
  stopGateway(): Promise<void>;
  /** Starts the gateway again on the same port, with the same virtual keys, and waits until ready. */
  startGateway(): Promise<void>;
  /** Stops everything; what `await using` calls. Idempotent. */
  stop(): Promise<void>;
}

const ENTRA_CLIENT_ID = 'keyward-browser';
const START_TIMEOUT_MS = 150_000;

function must(reply: ApiReply, what: string, ...statuses: number[]): ApiReply {
  if (!statuses.includes(reply.status)) {
    throw new Error(
      `${what} → ${reply.status} (expected ${statuses.join(' or ')}): ${reply.text.slice(0, 800)}`,
    );
  }
  return reply;
}

/** Resolves once GET /readyz answers 200; fails at once when the process exits. */
async function waitReadyz(proc: ManagedProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    const exited = proc.exitReason();
    if (exited) throw new Error(`it ${exited}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return;
      last = `${res.status} ${(await res.text()).slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`/readyz not 200 within ${timeoutMs} ms: ${last}`);
    await delay(200);
  }
}

/**
 * `node --import tsx services/<name>/src/main.ts` on the given port, as deploy/ runs it, until
 * /readyz answers 200. Lines go to `lines` (kept across restarts).
 */
async function startProcess(
  name: StackServiceName,
  port: number,
  env: Record<string, string>,
  lines: StackProcess['lines'],
): Promise<ManagedProcess> {
  const url = `http://127.0.0.1:${port}`;
  const proc = spawnProcess({
    name,
    command: process.execPath,
    args: ['--import', 'tsx', `services/${name}/src/main.ts`],
    cwd: repoRoot(),
    env: { ...process.env, ...env, HTTP_HOST: '127.0.0.1', HTTP_PORT: String(port) },
    onLine: (line, stream) => lines.push({ stream, line }),
    keepLines: 60,
  });
  try {
    await waitForPort({ port, timeoutMs: START_TIMEOUT_MS, abort: proc.exitReason });
    await waitReadyz(proc, url, START_TIMEOUT_MS);
  } catch (error) {
    await proc.stop({ graceMs: 2_000 });
    throw new Error(
      `the ${name} service did not start: ${(error as Error).message}\n${proc.output()}`,
    );
  }
  return proc;
}

/** The file the gateway's simulation keeps a virtual key's state in (services/device-gateway/src/sim/simFleet.ts). */
function simStateFile(dir: string, serial: string): string {
  return join(dir, `${serial.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);
}

/**
 * The whole stack behind the console on free ports: nats-server (JetStream), the database, the
 * dev OpenID provider (in this process, its console client allowed from the console's origin),
 * the Entra emulator as the default IdP (created through identity's REST API), policy, identity,
 * reporting, the device gateway (simulation on, touches driven by the test) and the console
 * serving the built app — each service its own process with its output kept. Builds the app
 * first when it is stale. Stop it with `await using` or `stop()`.
 */
export async function startConsoleStack(options: ConsoleStackOptions = {}): Promise<ConsoleStack> {
  const directoryUsers = options.directoryUsers ?? DIRECTORY_USERS;
  const cleanups: (() => Promise<unknown>)[] = [];
  const processes = new Map<StackServiceName, StackProcess & { proc: ManagedProcess }>();
  let stopped = false;
  const outputDir = options.outputDir ?? fileOutputDir();

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await Promise.allSettled([...processes.values()].map((p) => p.proc.stop()));
    // Every service's output, for the failure at hand (test/browser/output is git-ignored).
    try {
      mkdirSync(join(outputDir, 'services'), { recursive: true });
      for (const p of processes.values()) {
        writeFileSync(
          join(outputDir, 'services', `${p.name}.log`),
          `${p.lines.map((l) => l.line).join('\n')}\n`,
        );
      }
    } catch {
      // logs are a debugging aid; never fail the stop on them
    }
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };

  try {
    const [built, nats, mongo] = await Promise.allSettled([
      ensureConsoleBuilt(),
      startNats({ jetstream: true }),
      startMongo(),
    ]);
    if (nats.status === 'fulfilled') cleanups.push(nats.value.stop);
    if (mongo.status === 'fulfilled') cleanups.push(mongo.value.stop);
    for (const r of [built, nats, mongo]) if (r.status === 'rejected') throw r.reason;
    const natsServer = (nats as PromiseFulfilledResult<NatsServer>).value;
    const natsUrl = natsServer.url;
    const mongoUrl = (mongo as PromiseFulfilledResult<{ url: string }>).value.url;

    const ports = {
      console: await freePort(),
      'device-gateway': await freePort(),
      policy: await freePort(),
      identity: await freePort(),
      reporting: await freePort(),
      issuer: await freePort(),
    };
    const url = (name: keyof typeof ports) => `http://127.0.0.1:${ports[name]}`;
    const consoleUrl = url('console');

    const issuerDir = tempDir('browser-oidc');
    cleanups.push(issuerDir.remove);
    const issuerOptions = {
      port: ports.issuer,
      host: '127.0.0.1',
      stateDir: issuerDir.path,
      consoleOrigins: [consoleUrl],
      ...(options.accessTokenTtlSeconds !== undefined
        ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds }
        : {}),
    };
    const issuer = await startDevIssuer(issuerOptions);
    cleanups.push(issuer.stop);
    const { clientSecret } = await loadOrCreateIssuerState(issuerDir.path);

    const entraSecret = `browser-entra-secret-${randomBytes(8).toString('hex')}`;
    const entra = await startEntraEmulator({
      clients: [
        {
          clientId: ENTRA_CLIENT_ID,
          clientSecret: entraSecret,
          permissions: ['User.Read.All', 'UserAuthenticationMethod.ReadWrite.All'],
        },
      ],
      users: [...directoryUsers],
    });
    cleanups.push(entra.stop);

    const simDir = tempDir('browser-sim');
    cleanups.push(simDir.remove);
    const kek = randomBytes(32).toString('base64');
    const policyKek = randomBytes(32).toString('base64');
    const common = {
      NATS_URL: natsUrl,
      MONGO_URL: mongoUrl,
      AUTH_ISSUER: issuer.issuer,
      AUTH_JWKS_URL: issuer.jwksUrl,
      AUTH_AUDIENCE: DEV_AUDIENCE,
      AUTH_PERMISSIONS_CLAIM: 'permissions',
      // debug: the most a service ever writes, so leak checks see the most.
      LOG_LEVEL: 'debug',
    };
    const envOf: Record<StackServiceName, Record<string, string>> = {
      policy: { KEYWARD_KEK: policyKek },
      identity: { KEYWARD_KEK: kek, IDP_ALLOW_INSECURE_LOOPBACK: 'true' },
      reporting: {},
      'device-gateway': {
        GATEWAY_ID: `browser-gw-${randomBytes(3).toString('hex')}`,
        KEYWARD_SIM: 'true',
        KEYWARD_SIM_PRESENCE: 'manual',
        KEYWARD_SIM_STATE_DIR: simDir.path,
        KEYWARD_HID: 'false',
        KEYWARD_PCSC: 'false',
        GATEWAY_ALLOWED_ORIGINS: consoleUrl,
        RESET_REINSERT_TIMEOUT_MS: String(options.resetReinsertTimeoutMs ?? 15_000),
      },
      console: {
        CONSOLE_OIDC_ISSUER: issuer.issuer,
        CONSOLE_OIDC_CLIENT_ID: CONSOLE_CLIENT_ID,
        CONSOLE_OIDC_SCOPE: CONSOLE_SCOPE,
        CONSOLE_GATEWAY_URL: url('device-gateway'),
        POLICY_URL: url('policy'),
        IDENTITY_URL: url('identity'),
        REPORTING_URL: url('reporting'),
      },
    };
    const fullEnv = (name: StackServiceName) => ({
      ...common,
      ...(name === 'console' ? {} : { NATS_CREDENTIALS: natsServer.credentialsFile(name) }),
      SERVICE_NAME: name,
      MONGO_DB: uniqueDbName(`browser-${name}`),
      ...envOf[name],
      ...options.env?.[name],
    });
    const envs = new Map<StackServiceName, Record<string, string>>();
    const names: StackServiceName[] = [
      'policy',
      'identity',
      'reporting',
      'device-gateway',
      'console',
    ];
    const started = await Promise.allSettled(
      names.map(async (name) => {
        const lines: StackProcess['lines'] = [];
        const env = fullEnv(name);
        envs.set(name, env);
        const proc = await startProcess(name, ports[name], env, lines);
        processes.set(name, { name, port: ports[name], url: url(name), lines, proc });
      }),
    );
    const failures = started.flatMap((s) =>
      s.status === 'rejected' ? [(s.reason as Error).message] : [],
    );
    if (failures.length > 0) throw new Error(failures.join('\n\n'));

    let token: { value: string; refreshAt: number } | undefined;
    const adminToken = async (): Promise<string> => {
      if (token && Date.now() < token.refreshAt) return token.value;
      const value = await requestDevToken({ tokenUrl: issuer.tokenUrl, clientSecret });
      const { exp } = JSON.parse(Buffer.from(value.split('.')[1]!, 'base64url').toString()) as {
        exp: number;
      };
      token = { value, refreshAt: Math.min(exp * 1000 - 5_000, Date.now() + 60_000) };
      return value;
    };
    const processOf = (name: StackServiceName) => {
      const p = processes.get(name);
      if (!p) throw new Error(`the ${name} service is not part of this stack`);
      return p;
    };
    const call = async (name: StackServiceName, method: string, path: string, body?: unknown) =>
      api(processOf(name).url, method, path, {
        token: await adminToken(),
        ...(body !== undefined ? { body } : {}),
      });

    // The Entra emulator becomes the tenant's default IdP, as an administrator would set it up.
    const idp = must(
      await call('identity', 'POST', '/idps', {
        name: 'Contoso Entra (emulator)',
        settings: {
          type: 'entra',
          tenantId: entra.tenantId,
          clientId: ENTRA_CLIENT_ID,
          loginBaseUrl: entra.loginBaseUrl,
          graphBaseUrl: entra.graphBaseUrl,
        },
        secrets: { clientSecret: entraSecret },
      }),
      'POST identity /idps',
      201,
    );
    const idpId = String(idp.body.id);
    must(
      await call('identity', 'PUT', `/idps/${idpId}/default`),
      'PUT identity /idps/:id/default',
      200,
    );

    const deviceIdOf = async (serial: string): Promise<string> => {
      const r = must(
        await call('device-gateway', 'GET', '/simulation/devices'),
        'GET gateway /simulation/devices',
        200,
      );
      const found = (r.body.devices as { deviceId: string; serial: string }[]).find(
        (d) => d.serial === serial,
      );
      if (!found) throw new Error(`no virtual key ${serial} is plugged into the gateway`);
      return found.deviceId;
    };

    const stack: ConsoleStack = {
      consoleUrl,
      issuer,
      gatewayUrl: url('device-gateway'),
      entra,
      idpId,
      directoryUsers,
      processes,
      secrets: [
        { label: 'Entra client secret', value: entraSecret },
        { label: 'identity KEK', value: kek },
        { label: 'policy KEK', value: policyKek },
        { label: 'dev provider client secret', value: clientSecret },
      ],
      output: (name) =>
        processOf(name)
          .lines.map((l) => l.line)
          .join('\n'),
      adminToken,
      api: call,
      async createPolicy(input = {}) {
        const r = must(
          await call('policy', 'POST', '/policies', {
            name: `Browser policy ${randomBytes(3).toString('hex')}`,
            pin: { minLength: 6, generatedLength: 8 },
            key: { minPinLength: 6 },
            ...input,
          }),
          'POST policy /policies',
          201,
        );
        return r.body as CreatedPolicy;
      },
      async linkKeys(policyId, serials) {
        must(
          await call('policy', 'POST', `/policies/${policyId}/devices`, { serials }),
          'POST policy /policies/:id/devices',
          200,
        );
      },
      async plugKey(profile = 'generic', plugOptions = {}) {
        const serial =
          plugOptions.serial ?? `BRW-${profile.toUpperCase()}-${randomBytes(3).toString('hex')}`;
        must(
          await call('device-gateway', 'POST', '/simulation/devices', { profile, serial }),
          `POST gateway /simulation/devices (${profile})`,
          201,
        );
        let plugged = true;
        const unplug = async () => {
          if (!plugged) return;
          plugged = false;
          const r = await call(
            'device-gateway',
            'DELETE',
            `/simulation/devices/${await deviceIdOf(serial)}`,
          );
          must(r, 'DELETE gateway /simulation/devices/:id', 204);
          rmSync(simStateFile(simDir.path, serial), { force: true });
        };
        return {
          serial,
          profile,
          deviceId: () => deviceIdOf(serial),
          async touch() {
            const r = await call(
              'device-gateway',
              'POST',
              `/simulation/devices/${await deviceIdOf(serial)}/touch`,
            );
            must(r, `touch ${serial}`, 204);
          },
          async reinsert() {
            const r = await call(
              'device-gateway',
              'POST',
              `/simulation/devices/${await deviceIdOf(serial)}/reinsert`,
            );
            must(r, `reinsert ${serial}`, 200);
          },
          async blockPin() {
            const r = await call(
              'device-gateway',
              'POST',
              `/simulation/devices/${await deviceIdOf(serial)}/block-pin`,
            );
            must(r, `block the PIN of ${serial}`, 200);
          },
          unplug,
          async [Symbol.asyncDispose]() {
            // The gateway may be the thing a test stopped; a key of a stopped stack is gone anyway.
            if (!stopped && !processOf('device-gateway').proc.exitReason()) await unplug();
          },
        };
      },
      async revokeKey(serial) {
        must(
          await call('identity', 'POST', `/devices/${encodeURIComponent(serial)}/revoke`, {
            reason: 'browser test',
          }),
          `POST identity /devices/${serial}/revoke`,
          200,
        );
      },
      async reportingCaughtUp() {
        const nc = await connect(natsServer.connectOptions('operator'));
        const subject = `$JS.API.CONSUMER.INFO.${SUBJECTS.EVENTS_STREAM}.reporting`;
        const deadline = Date.now() + 20_000;
        try {
          for (;;) {
            const info = (await nc.request(subject, undefined, { timeout: 5_000 })).json<{
              num_pending?: number;
              num_ack_pending?: number;
            }>();
            if (info.num_pending === 0 && info.num_ack_pending === 0) return;
            if (Date.now() > deadline) {
              throw new Error(`reporting did not catch up within 20 s: ${JSON.stringify(info)}`);
            }
            await delay(100);
          }
        } finally {
          await nc.close();
        }
      },
      database(name) {
        const env = envs.get(name);
        if (!env?.MONGO_DB) throw new Error(`the ${name} service is not part of this stack`);
        return { url: env.MONGO_URL ?? mongoUrl, dbName: env.MONGO_DB };
      },
      async stopGateway() {
        await processOf('device-gateway').proc.stop();
      },
      async startGateway() {
        const p = processOf('device-gateway');
        if (!p.proc.exitReason()) throw new Error('the device gateway is still running');
        const proc = await startProcess(
          'device-gateway',
          p.port,
          envs.get('device-gateway')!,
          p.lines,
        );
        processes.set('device-gateway', { ...p, proc });
      },
      stop,
      [Symbol.asyncDispose]: stop,
    };
    return stack;
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * One stack for the whole test file (started in beforeAll, stopped in afterAll); the scenarios
 * of the file run in order against it. Returns a getter, valid inside tests.
 */
export function useConsoleStack(options: ConsoleStackOptions = {}): () => ConsoleStack {
  let stack: ConsoleStack | undefined;
  beforeAll(async () => {
    stack = await startConsoleStack(options);
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
  }, 120_000);
  return () => {
    if (!stack) throw new Error('the console stack did not start (see the beforeAll error)');
    return stack;
  };
}
