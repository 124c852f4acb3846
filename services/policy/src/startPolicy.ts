import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  authFromConfig,
  connectMongo,
  connectNats,
  createEventPublisher,
  createHttpApp,
  ensureEventStream,
  isMongoReachable,
  isNatsReachable,
  type Logger,
  serveRequests,
  stopAll,
} from '@keyward/service-kit';
import { policyRequestHandlers } from './bus/handlers.ts';
import { policyTransport } from './bus/transport.ts';
import { type PolicyConfig, splitPem } from './config.ts';
import { POLICY_VERSION, registerHttp } from './http/registerHttp.ts';
import type { PolicyServiceDeps } from './service/deps.ts';
import { MdsTrust } from './service/mdsTrust.ts';
import { LinkStore } from './store/linkStore.ts';
import { MdsStore } from './store/mdsStore.ts';
import { defineModels, ensureIndexes } from './store/models.ts';
import { PolicyStore } from './store/policyStore.ts';
import { VaultStore } from './store/vaultStore.ts';

export interface StartPolicyOptions {
  config: PolicyConfig;
  logger: Logger;
  /** Default the system clock; tests inject a frozen one. */
  now?: () => Date;
}

export interface RunningPolicy {
  port: number;
  deps: PolicyServiceDeps;
  stop(): Promise<void>;
}

/** Wires the policy service: NATS → Mongo → MDS → HTTP (9401) → request handlers. */
export async function startPolicy({
  config,
  logger,
  now = () => new Date(),
}: StartPolicyOptions): Promise<RunningPolicy> {
  const nc = await connectNats({
    url: config.NATS_URL,
    name: config.SERVICE_NAME,
    logger,
    credentialsFile: config.NATS_CREDENTIALS,
  });
  await ensureEventStream(nc);
  const connection = await connectMongo({
    url: config.MONGO_URL,
    dbName: config.MONGO_DB ?? `keyward-${config.SERVICE_NAME}`,
    logger,
  });
  const models = defineModels(connection);
  await ensureIndexes(models);

  const roots = config.MDS_ROOT_CERT_PATH
    ? splitPem(await readFile(config.MDS_ROOT_CERT_PATH, 'utf8'))
    : [];
  const mds = new MdsTrust({
    roots,
    ...((config.MDS_BLOB_PATH ?? config.MDS_BLOB_URL)
      ? { source: (config.MDS_BLOB_PATH ?? config.MDS_BLOB_URL) as string }
      : {}),
    store: new MdsStore(models),
    logger: logger.child({ component: 'mds' }),
    now,
  });
  await mds.init();
  const source = config.MDS_BLOB_PATH ?? config.MDS_BLOB_URL;
  const refreshMds = () =>
    mds.refresh().catch((err) => logger.warn({ err }, 'MDS refresh failed; last good BLOB kept'));
  if (source && roots.length > 0) await refreshMds();
  const timer = setInterval(refreshMds, config.MDS_REFRESH_HOURS * 3_600_000);
  timer.unref();

  const events = createEventPublisher(nc, { source: `keyward/${config.SERVICE_NAME}`, logger });
  const deps: PolicyServiceDeps = {
    policies: new PolicyStore(models, now),
    links: new LinkStore(models, now),
    vault: new VaultStore(models, now),
    mds,
    events,
    kek: config.KEYWARD_KEK,
    logger,
    now,
    newId: () => randomUUID(),
  };

  const auth = authFromConfig(config);
  const http = createHttpApp({
    service: config.SERVICE_NAME,
    version: POLICY_VERSION,
    logger,
    // Every 403 (e.g. a denied PIN read) becomes an audited keyward.admin.access_denied.
    audit: events,
    auth,
    readiness: async () => ({
      nats: await isNatsReachable(nc),
      mongo: await isMongoReachable(connection),
    }),
  });
  registerHttp(http, deps, {
    secretRateLimit: { limit: config.SECRET_RATE_LIMIT, windowSec: config.SECRET_RATE_WINDOW_S },
  });
  const server = await http.listen({ port: config.HTTP_PORT, host: config.HTTP_HOST });
  const requests = await serveRequests(nc, {
    service: config.SERVICE_NAME,
    version: POLICY_VERSION,
    description: 'Keyward policies, configuration plans, attestation trust and PIN vault',
    logger,
    // Bus tokens are verified like REST ones (same issuer, audience, role map); bus secrets are
    // sealed with a transport key derived from the KEK (ADR 0007).
    handlers: policyRequestHandlers({
      ...deps,
      auth,
      transport: policyTransport(config.KEYWARD_KEK),
    }),
  });
  // The server has the endpoint subscriptions once this round trip returns: "started" means
  // requests are answered, not merely that subscriptions were sent.
  await nc.flush();

  return {
    port: server.port,
    deps,
    stop: () =>
      stopAll(
        [
          { name: 'http', stop: () => server.close() },
          { name: 'requests', stop: () => requests.stop() },
          { name: 'mds refresh', stop: async () => clearInterval(timer) },
          { name: 'nats', stop: () => nc.drain() },
          { name: 'mongo', stop: () => connection.close() },
        ],
        logger,
      ),
  };
}
