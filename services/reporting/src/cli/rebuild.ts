import { parseArgs } from 'node:util';
import { connectMongo, connectNats, createLogger, loadConfig } from '@keyward/service-kit';
import pino from 'pino';
import { rebuildInventory } from '../bus/rebuildInventory.ts';
import { reportingConfig } from '../config.ts';

/**
 * `node --import tsx services/reporting/src/cli/rebuild.ts [--collection <name>]`
 * Rebuilds the device inventory from the event stream into a fresh collection (default
 * `inventory_rebuild_<timestamp>`) and prints the result as JSON. Same environment as the
 * service (NATS_URL, MONGO_URL, MONGO_DB; AUTH_ISSUER is not used but validated).
 */
const { values } = parseArgs({ options: { collection: { type: 'string' } } });
const config = loadConfig(reportingConfig.partial({ AUTH_ISSUER: true }));
// Logs go to stderr: stdout carries only the result, for scripts.
const logger = createLogger({
  name: 'reporting-rebuild',
  level: config.LOG_LEVEL,
  destination: pino.destination(2),
});
const collection =
  values.collection ??
  `inventory_rebuild_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
const nc = await connectNats({
  url: config.NATS_URL,
  name: 'reporting-rebuild',
  logger,
  credentialsFile: config.NATS_CREDENTIALS,
});
const connection = await connectMongo({
  url: config.MONGO_URL,
  dbName: config.MONGO_DB ?? `keyward-${config.SERVICE_NAME}`,
  logger,
});
try {
  const result = await rebuildInventory({ nc, connection, collection, logger });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await nc.drain();
  await connection.close();
}
