import type { Logger } from 'pino';

/** Options of {@link runService}. */
export interface RunServiceOptions {
  name: string;
  logger: Logger;
  /** Wires and starts everything; returns how to stop it all in order. */
  start: () => Promise<{ stop: () => Promise<void> }>;
  /** Longest a graceful stop may take before exiting 1. Default 30 000 ms. */
  stopTimeoutMs?: number;
  /** Default SIGINT and SIGTERM. */
  signals?: NodeJS.Signals[];
  /** Default process.exit. */
  exit?: (code: number) => void;
}

/**
 * Runs a service until SIGINT/SIGTERM, then stops it gracefully and exits 0 (1 if start or stop
 * failed or stop exceeded `stopTimeoutMs`). A second signal exits at once.
 */
export async function runService(options: RunServiceOptions): Promise<void> {
  const { name, logger, start, stopTimeoutMs = 30_000, signals = ['SIGINT', 'SIGTERM'] } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let running: { stop: () => Promise<void> };
  try {
    running = await start();
  } catch (error) {
    logger.fatal({ err: error }, `${name} failed to start`);
    exit(1);
    return;
  }
  logger.info(`${name} started`);
  let stopping = false;
  const onSignal = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal }, `${name} stopping`);
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(resolve, stopTimeoutMs, 'timeout').unref(),
    );
    try {
      const outcome = await Promise.race([running.stop().then(() => 'stopped' as const), timeout]);
      if (outcome === 'timeout') {
        logger.error({ stopTimeoutMs }, `${name} did not stop in time`);
        exit(1);
        return;
      }
      logger.info(`${name} stopped`);
      logger.flush();
      exit(0);
    } catch (error) {
      logger.error({ err: error }, `${name} failed to stop cleanly`);
      exit(1);
    }
  };
  for (const signal of signals) process.on(signal, (s: NodeJS.Signals) => void onSignal(s));
}
