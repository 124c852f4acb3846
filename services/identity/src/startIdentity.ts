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
import { identityRequestHandlers } from './bus/requestHandlers.ts';
import type { IdentityConfig } from './config.ts';
import { IDENTITY_VERSION } from './http/openapiDocument.ts';
import { registerRoutes } from './http/routes.ts';
import type { IdpConnector } from './idp/connector.ts';
import { createConnector } from './idp/createConnector.ts';
import type { ProviderIo } from './idp/providerHttp.ts';
import { createSmtpNotifier } from './mail/smtpNotifier.ts';
import { createCredentialStore } from './store/credentialStore.ts';
import { createEnrollmentStore } from './store/enrollmentStore.ts';
import { createIdpStore } from './store/idpStore.ts';
import { createMappingStore } from './store/mappingStore.ts';
import { defineModels, ensureIndexes } from './store/models.ts';
import { createProvisioningStore } from './store/provisioningStore.ts';
import type { IdentityDeps } from './usecases/deps.ts';
import { expireEnrollments } from './usecases/expireEnrollments.ts';

export interface StartIdentityOptions {
  config: IdentityConfig;
  logger: Logger;
  /** Default the system clock; tests inject a controllable one. */
  now?: () => Date;
  /** Provider I/O overrides (tests record sleeps instead of waiting). */
  providerIo?: Partial<ProviderIo>;
}

export interface RunningIdentity {
  port: number;
  deps: IdentityDeps;
  stop(): Promise<void>;
}

/** Wires the identity service: NATS → Mongo → stores → HTTP (9402) → request handlers → sweeper. */
export async function startIdentity({
  config,
  logger,
  now = () => new Date(),
  providerIo,
}: StartIdentityOptions): Promise<RunningIdentity> {
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

  const idps = createIdpStore(models, config.KEYWARD_KEK, now);
  // Connectors keep their token cache; rebuilt when the connection's updatedAt changes.
  const connectors = new Map<string, { updatedAt: string; connector: IdpConnector }>();
  const notifier = config.SMTP_URL
    ? createSmtpNotifier({ url: config.SMTP_URL, from: config.MAIL_FROM })
    : undefined;
  const events = createEventPublisher(nc, { source: `keyward/${config.SERVICE_NAME}`, logger });
  const deps: IdentityDeps = {
    idps,
    enrollments: createEnrollmentStore(models),
    credentials: createCredentialStore(models),
    mappings: createMappingStore(models, now),
    provisioning: createProvisioningStore(models),
    async connectorFor(idpId) {
      const opened = await idps.open(idpId);
      const cached = connectors.get(idpId);
      if (cached && cached.updatedAt === opened.view.updatedAt) return cached.connector;
      const connector = createConnector({
        settings: opened.settings,
        secrets: opened.secrets,
        io: { clock: now, ...providerIo },
        allowInsecureLoopback: config.IDP_ALLOW_INSECURE_LOOPBACK,
      });
      connectors.set(idpId, { updatedAt: opened.view.updatedAt, connector });
      return connector;
    },
    events,
    clock: now,
    enrollmentTtlMs: config.ENROLLMENT_TTL_SECONDS * 1000,
    provisioningClaimTimeoutMs: config.PROVISIONING_CLAIM_TIMEOUT_SECONDS * 1000,
    ...(notifier ? { notifier } : {}),
    logger,
  };

  const http = createHttpApp({
    service: config.SERVICE_NAME,
    version: IDENTITY_VERSION,
    logger,
    // Every 403 (e.g. a refused revoke) becomes an audited keyward.admin.access_denied.
    audit: events,
    auth: authFromConfig(config),
    readiness: async () => ({
      nats: await isNatsReachable(nc),
      mongo: await isMongoReachable(connection),
    }),
    bodyLimit: '6mb',
  });
  registerRoutes(http, deps);
  const server = await http.listen({ port: config.HTTP_PORT, host: config.HTTP_HOST });
  const requests = await serveRequests(nc, {
    service: config.SERVICE_NAME,
    version: IDENTITY_VERSION,
    description:
      'Keyward IdP connectors, enrollment at the IdP, revocation and provisioning requests',
    logger,
    handlers: identityRequestHandlers(deps),
  });
  const sweep = () =>
    expireEnrollments(deps).catch((err) => logger.warn({ err }, 'enrollment sweep failed'));
  const timer = setInterval(sweep, config.ENROLLMENT_SWEEP_SECONDS * 1000);
  timer.unref();

  return {
    port: server.port,
    deps,
    stop: () =>
      stopAll(
        [
          { name: 'sweeper', stop: async () => clearInterval(timer) },
          { name: 'http', stop: () => server.close() },
          { name: 'requests', stop: () => requests.stop() },
          { name: 'nats', stop: () => nc.drain() },
          { name: 'mongo', stop: () => connection.close() },
          { name: 'mail', stop: async () => notifier?.close() },
        ],
        logger,
      ),
  };
}
