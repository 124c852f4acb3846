import type { Logger } from 'pino';

/** One thing to stop, with a name for the log. */
export interface StopStep {
  name: string;
  stop: () => Promise<unknown>;
}

/**
 * Stops steps in the given order, logging each and continuing past failures (a failed step must
 * not leave the rest running); rejects afterwards if any failed. The usual order: HTTP (stop
 * accepting, finish in-flight), request servers, event consumers, NATS drain, Mongo, telemetry.
 */
export async function stopAll(steps: StopStep[], logger: Logger): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      await step.stop();
      logger.debug({ step: step.name }, 'stopped');
    } catch (error) {
      failures.push(error);
      logger.error({ err: error, step: step.name }, 'stop step failed');
    }
  }
  if (failures.length > 0)
    throw new AggregateError(failures, `${failures.length} stop step(s) failed`);
}
