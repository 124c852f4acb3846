import { inboxPrefix, readCredentials } from '@keyward/bus-identity';
import { KeywardError } from '@keyward/contracts';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect, nkeyAuthenticator } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { createBusContext, registerBusContext, rosterBeside } from './busContext.ts';

/** Options of {@link connectNats}. */
export interface ConnectNatsOptions {
  /** One URL or a comma-separated list (`nats://a:4222,nats://b:4222`). */
  url: string;
  /** Connection name shown by the server (`nats server report connections`). */
  name: string;
  logger: Logger;
  /**
   * Who connects (bus-identity credentials): the server authenticates the nkey and applies
   * that identity's permissions; replies come to its own inbox prefix, which nobody else may
   * subscribe to. The path of the identity's credentials file (NATS_CREDENTIALS).
   */
  credentialsFile: string;
  /** Default 2 000 ms between reconnect attempts. */
  reconnectTimeWaitMs?: number;
}

/**
 * Connects with reconnect forever (a service outlives NATS restarts) and logs every status
 * change. The first connection must succeed: a wrong URL fails start-up with
 * UPSTREAM_UNAVAILABLE rather than hanging.
 */
export async function connectNats(options: ConnectNatsOptions): Promise<NatsConnection> {
  const { url, name, logger, credentialsFile, reconnectTimeWaitMs = 2_000 } = options;
  let credentials: ReturnType<typeof readCredentials>;
  try {
    credentials = readCredentials(credentialsFile);
  } catch (cause) {
    // The operator's setting, not the bus, is wrong: say which file and why (never its content).
    throw new KeywardError(
      'CONFIG_INVALID',
      `NATS_CREDENTIALS: cannot read ${credentialsFile}: ${(cause as Error).message.split('\n')[0]}`,
      { cause },
    );
  }
  const servers = url.split(',').map((server) => server.trim());
  let nc: NatsConnection;
  try {
    nc = await connect({
      servers,
      name,
      authenticator: nkeyAuthenticator(new TextEncoder().encode(credentials.seed)),
      inboxPrefix: inboxPrefix(credentials),
      maxReconnectAttempts: -1,
      reconnectTimeWait: reconnectTimeWaitMs,
      waitOnFirstConnect: false,
    });
  } catch (cause) {
    throw new KeywardError(
      'UPSTREAM_UNAVAILABLE',
      `cannot connect to NATS at ${servers.join(', ')} as ${credentials.name}`,
      {
        cause,
      },
    );
  }
  // The roster beside the credentials names every identity this service trusts as a caller or
  // event signer; a missing one fails start-up here, not at the first request.
  registerBusContext(nc, createBusContext(credentials, rosterBeside(credentialsFile)));
  void logStatus(nc, logger);
  logger.info({ server: nc.getServer(), identity: credentials.name }, 'connected to NATS');
  return nc;
}

async function logStatus(nc: NatsConnection, logger: Logger) {
  for await (const status of nc.status()) {
    switch (status.type) {
      case 'disconnect':
      case 'reconnecting':
      case 'staleConnection':
        logger.warn({ nats: status.type }, 'NATS connection lost, reconnecting');
        break;
      case 'reconnect':
        logger.info({ nats: status.type, server: nc.getServer() }, 'NATS reconnected');
        break;
      case 'error':
      case 'slowConsumer':
        logger.error(
          { nats: status.type, err: 'error' in status ? status.error : undefined },
          'NATS error',
        );
        break;
      default:
        logger.debug({ nats: status.type }, 'NATS status');
    }
  }
}
