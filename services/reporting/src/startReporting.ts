import { readFileSync } from 'node:fs';
import { reportingEvents, reportingRequests } from '@keyward/contracts';
import {
  authFromConfig,
  connectMongo,
  connectNats,
  createEventPublisher,
  createHttpApp,
  ensureEventStream,
  handleRequest,
  isMongoReachable,
  isNatsReachable,
  type Logger,
  serveRequests,
  stopAll,
} from '@keyward/service-kit';
import { Registry } from 'prom-client';
import { createReportingEventHandler } from './bus/handleReportingEvent.ts';
import { createInventoryGetHandler } from './bus/inventoryGetHandler.ts';
import { startSiemForwarder } from './bus/siemForwarder.ts';
import { startAuditConsumer } from './bus/startAuditConsumer.ts';
import type { ReportingConfig } from './config.ts';
import { REPORTING_VERSION, registerHttp } from './http/registerHttp.ts';
import type { RecordDownload } from './http/reportRoutes.ts';
import { createReportingMetrics } from './metrics.ts';
import { createModels, ensureIndexes } from './store/models.ts';
import { startPurgeJob } from './store/startPurgeJob.ts';

export { REPORTING_VERSION };

export interface RunningReporting {
  port: number;
  stop(): Promise<void>;
}

/**
 * Wires the service: NATS + stream, Mongo + indexes, the audit/inventory consumer, the
 * inventory request handler, the SIEM forwarder (when configured), retention, then HTTP.
 * Stops in reverse: HTTP, requests, consumers, jobs, NATS drain, Mongo.
 */
export async function startReporting({
  config,
  logger,
}: {
  config: ReportingConfig;
  logger: Logger;
}): Promise<RunningReporting> {
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
  const models = createModels({ connection });
  await ensureIndexes(models);

  const registry = new Registry();
  const metrics = createReportingMetrics(registry);
  const publisher = createEventPublisher(nc, { source: `keyward/${config.SERVICE_NAME}`, logger });

  const consumer = await startAuditConsumer({
    nc,
    durable: config.REPORTING_DURABLE,
    handler: createReportingEventHandler({ models, metrics }),
    logger,
    ackWaitMs: config.REPORTING_ACK_WAIT_MS,
    maxAckPending: config.REPORTING_MAX_ACK_PENDING,
  });
  const requests = await serveRequests(nc, {
    service: config.SERVICE_NAME,
    version: REPORTING_VERSION,
    description: 'Keyward audit trail, device inventory and reports',
    logger,
    handlers: [handleRequest(reportingRequests.inventoryGet, createInventoryGetHandler(models))],
  });
  const siem = config.SIEM_SYSLOG_HOST
    ? await startSiemForwarder({
        nc,
        models,
        logger,
        metrics,
        durable: config.SIEM_DURABLE,
        appName: config.SIEM_APP_NAME,
        productVersion: REPORTING_VERSION,
        target: {
          host: config.SIEM_SYSLOG_HOST,
          port: config.SIEM_SYSLOG_PORT,
          tls: config.SIEM_SYSLOG_TLS
            ? config.SIEM_SYSLOG_TLS_CA_FILE
              ? { ca: readFileSync(config.SIEM_SYSLOG_TLS_CA_FILE) }
              : {}
            : undefined,
        },
      })
    : null;
  const purge = startPurgeJob({
    models,
    logger,
    retentionDays: config.AUDIT_RETENTION_DAYS,
    intervalMs: config.AUDIT_PURGE_INTERVAL_MS,
  });

  const recordDownload: RecordDownload = async ({ actor, report, format, rows, filter }) => {
    const stringFilter = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)]));
    await publisher.publish(reportingEvents.reportDownloaded, {
      actor: actor.startsWith('user:') ? actor : 'service:reporting',
      data: { report, format, rows, filter: stringFilter },
    });
  };
  const auth = authFromConfig(config);
  const http = createHttpApp({
    service: config.SERVICE_NAME,
    version: REPORTING_VERSION,
    logger,
    auth,
    metrics: registry,
    readiness: async () => ({
      nats: await isNatsReachable(nc),
      mongo: await isMongoReachable(connection),
    }),
  });
  registerHttp(http, models, recordDownload);
  const server = await http.listen({ port: config.HTTP_PORT, host: config.HTTP_HOST });

  return {
    port: server.port,
    stop: () =>
      stopAll(
        [
          { name: 'http', stop: () => server.close() },
          { name: 'requests', stop: () => requests.stop() },
          { name: 'audit consumer', stop: () => consumer.stop() },
          { name: 'siem forwarder', stop: async () => siem?.stop() },
          { name: 'purge job', stop: async () => purge.stop() },
          { name: 'nats', stop: () => nc.drain() },
          { name: 'mongo', stop: () => connection.close() },
        ],
        logger,
      ),
  };
}
