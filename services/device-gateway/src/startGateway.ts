import { hostname } from 'node:os';
import { gatewayEvents, KeywardError } from '@keyward/contracts';
import {
  authFromConfig,
  busContextOf,
  createEventPublisher,
  createHttpApp,
  ensureEventStream,
  isNatsReachable,
  type Logger,
} from '@keyward/service-kit';
import type { NatsConnection } from '@nats-io/nats-core';
import { deviceLifecycleEvents } from './bus/deviceLifecycleEvents.ts';
import { serveGatewayRequests } from './bus/gatewayRequests.ts';
import { kitRequester } from './bus/kitRequester.ts';
import { PolicyVault } from './bus/policyVault.ts';
import type { EventSink, Requester } from './bus/ports.ts';
import type { GatewayConfig } from './config.ts';
import { ctapDeviceOperations } from './devices/ctapDeviceOperations.ts';
import type { DeviceOperations } from './devices/deviceOperations.ts';
import { DeviceRegistry } from './devices/deviceRegistry.ts';
import { startWatcherSource } from './devices/watcherSource.ts';
import { browserGuard } from './http/browserGuard.ts';
import { GATEWAY_VERSION, registerHttp } from './http/registerHttp.ts';
import { followInventoryAfterRuns } from './operations/followInventory.ts';
import type { GatewayCore } from './operations/gatewayCore.ts';
import { NameCache } from './operations/nameCache.ts';
import { SessionManager } from './operations/sessionManager.ts';
import { resumableTasks } from './operations/tasks.ts';
import { describeCounts } from './sim/reconcileFleet.ts';
import { SimFleet } from './sim/simFleet.ts';
import { JournalStore } from './store/journalStore.ts';
import { LeaseStore } from './store/leaseStore.ts';
import { openBuckets } from './store/openBuckets.ts';

export { GATEWAY_VERSION };

export interface StartGatewayOptions {
  config: GatewayConfig;
  nc: NatsConnection;
  logger: Logger;
  /** Default: the real CTAP operations. */
  ops?: DeviceOperations;
  /** Default: service-kit's publisher / request on `nc`. */
  events?: EventSink;
  requester?: Requester;
  /** Options for virtual keys (bench: latency profile). */
  sim?: ConstructorParameters<typeof SimFleet>[0] extends infer O
    ? Partial<Omit<O, 'registry'>>
    : never;
  /** The session clock (tests: retention of finished sessions). Default: wall time. */
  now?: () => Date;
}

export interface RunningGateway {
  core: GatewayCore;
  sim: SimFleet | undefined;
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** Wires the gateway: KV buckets, registry, sessions, REST, simulation; resumes the journal. */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const { config, nc, logger } = options;
  const gatewayId =
    config.GATEWAY_ID ??
    hostname()
      .replace(/[^A-Za-z0-9_-]/g, '-')
      .slice(0, 64);
  // A workstation's bus identity serves one gateway id; running under another would only fail
  // later, subscription by subscription, so refuse now and say which.
  const { identity } = busContextOf(nc);
  if (identity.gatewayId !== undefined && identity.gatewayId !== gatewayId) {
    throw new KeywardError(
      'CONFIG_INVALID',
      `GATEWAY_ID is "${gatewayId}" but the bus identity "${identity.name}" is for gateway "${identity.gatewayId}"`,
    );
  }
  await ensureEventStream(nc);
  const publisher = createEventPublisher(nc, {
    source: `keyward/device-gateway/${gatewayId}`,
    logger,
  });
  const events = options.events ?? publisher;
  const requester = options.requester ?? kitRequester(nc);
  const ops = options.ops ?? ctapDeviceOperations();
  const buckets = await openBuckets(nc, { leaseTtlMs: config.LEASE_TTL_MS });
  const leases = new LeaseStore({ kv: buckets.leases, ttlMs: config.LEASE_TTL_MS });
  const journal = new JournalStore({ kv: buckets.journal });
  const registry = new DeviceRegistry({ operations: ops });
  const simulationOn =
    config.KEYWARD_SIM ||
    Boolean(config.KEYWARD_SIM_DEVICES) ||
    Boolean(config.KEYWARD_SIM_STATE_DIR);
  const sim = simulationOn
    ? new SimFleet({
        registry,
        ...(config.KEYWARD_SIM_PRESENCE === 'manual' ? { presence: { kind: 'manual' } } : {}),
        ...(config.KEYWARD_SIM_LATENCY ? { latency: config.KEYWARD_SIM_LATENCY } : {}),
        ...(config.KEYWARD_SIM_STATE_DIR ? { stateDir: config.KEYWARD_SIM_STATE_DIR } : {}),
        ...options.sim,
      })
    : undefined;
  // The core is referenced lazily by the task factory (sessions are part of the core).
  let core!: GatewayCore;
  const sessions = new SessionManager({
    gatewayId,
    registry,
    leases,
    journal,
    events,
    logger,
    tasks: resumableTasks(() => core),
    ...(options.now ? { now: options.now } : {}),
  });
  core = {
    gatewayId,
    registry,
    sessions,
    ops,
    leases,
    requester,
    vault: new PolicyVault({ requester }),
    events,
    logger,
    names: new NameCache({ requester }),
    reinsertTimeoutMs: config.RESET_REINSERT_TIMEOUT_MS,
    ...(sim ? { simulation: sim } : {}),
  };
  const lifecycle = deviceLifecycleEvents(core);

  const auth = authFromConfig(config);
  const http = createHttpApp({
    service: 'device-gateway',
    version: GATEWAY_VERSION,
    logger,
    auth,
    // Every 403 (e.g. a denied PIN view) becomes an audited keyward.admin.access_denied.
    audit: publisher,
    readiness: async () => ({ nats: await isNatsReachable(nc).catch(() => false) }),
    // The console calls the gateway from the browser: Host and Origin are checked first.
    before: browserGuard({
      allowedOrigins: config.GATEWAY_ALLOWED_ORIGINS,
      allowedHosts: config.GATEWAY_ALLOWED_HOSTS,
      logger,
    }),
  });
  registerHttp(http, core, {
    secretRateLimit: { limit: config.SECRET_RATE_LIMIT, windowSec: config.SECRET_RATE_WINDOW_S },
  });
  const stopFollowing = followInventoryAfterRuns(core);

  const watcher =
    config.KEYWARD_HID || config.KEYWARD_PCSC
      ? startWatcherSource({ registry, logger, hid: config.KEYWARD_HID, pcsc: config.KEYWARD_PCSC })
      : undefined;
  if (sim) {
    const plan = await sim.reconcile(config.KEYWARD_SIM_DEVICES);
    logger.info(
      {
        restored: plan.restore.map((k) => k.serial),
        left: plan.leave.map((k) => k.serial),
        requested: config.KEYWARD_SIM_DEVICES ?? 'every saved key',
      },
      `simulated keys: restored ${describeCounts(plan.restore)}, added ${describeCounts(plan.add)}` +
        (plan.leave.length
          ? `, left ${describeCounts(plan.leave)} saved but not requested unplugged`
          : ''),
    );
  }
  await sessions.resumeFromJournal();
  const requests = await serveGatewayRequests(nc, core, GATEWAY_VERSION);
  const server = await http.listen({ port: config.HTTP_PORT, host: config.HTTP_HOST });
  const url = `http://${config.HTTP_HOST}:${server.port}`;
  await events.publish(gatewayEvents.announced, {
    actor: 'service:device-gateway',
    data: {
      gatewayId,
      host: hostname(),
      version: GATEWAY_VERSION,
      restUrl: url,
      simulation: simulationOn,
    },
  });
  logger.info({ gatewayId, url, simulation: simulationOn }, 'device gateway started');
  return {
    core,
    sim,
    port: server.port,
    url,
    async stop() {
      await server.close();
      await requests.stop();
      watcher?.stop();
      lifecycle.stop();
      stopFollowing();
      await sim?.close();
      await events
        .publish(gatewayEvents.stopped, {
          actor: 'service:device-gateway',
          data: { gatewayId, reason: 'shutdown' },
        })
        .catch(() => undefined);
    },
  };
}
