import { KeywardError } from '@keyward/contracts';
import mongoose, { type Connection } from 'mongoose';
import type { Logger } from 'pino';

/** Options of {@link connectMongo}. */
export interface ConnectMongoOptions {
  url: string;
  /** One database per service, e.g. "keyward-policy". */
  dbName: string;
  logger: Logger;
  /** Default 5 000 ms to find a server before an operation fails. */
  serverSelectionTimeoutMs?: number;
}

/**
 * A dedicated mongoose connection (not the global one, so tests can open several). Fails fast
 * with UPSTREAM_UNAVAILABLE when no server answers. Nothing here uses multi-document
 * transactions: FerretDB has none (docs/ARCHITECTURE.md "Storage").
 */
export async function connectMongo(options: ConnectMongoOptions): Promise<Connection> {
  const { url, dbName, logger, serverSelectionTimeoutMs = 5_000 } = options;
  const connection = mongoose.createConnection(url, {
    dbName,
    serverSelectionTimeoutMS: serverSelectionTimeoutMs,
    connectTimeoutMS: serverSelectionTimeoutMs,
    socketTimeoutMS: 30_000,
    maxPoolSize: 10,
    // FerretDB (SQLite) and standalone mongod have no retryable writes.
    retryWrites: false,
    // Indexes are created by each service's store at start, explicitly.
    autoIndex: false,
  });
  connection.on('disconnected', () => logger.warn({ dbName }, 'MongoDB disconnected'));
  connection.on('reconnected', () => logger.info({ dbName }, 'MongoDB reconnected'));
  try {
    await connection.asPromise();
  } catch (cause) {
    await connection.close().catch(() => undefined);
    throw new KeywardError(
      'UPSTREAM_UNAVAILABLE',
      `cannot connect to MongoDB database "${dbName}"`,
      { cause },
    );
  }
  logger.info({ dbName }, 'connected to MongoDB');
  return connection;
}

/** True when the connection answers a ping now (for /readyz). */
export async function isMongoReachable(connection: Connection): Promise<boolean> {
  if (connection.readyState !== 1 || !connection.db) return false;
  try {
    await connection.db.admin().ping({ maxTimeMS: 2_000 });
    return true;
  } catch {
    return false;
  }
}
