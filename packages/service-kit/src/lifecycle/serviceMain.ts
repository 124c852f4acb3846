import type { Logger } from 'pino';
import type { z } from 'zod';
import type { CommonConfig } from '../config/commonConfig.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { createLogger } from '../log/createLogger.ts';
import { startTelemetry } from '../telemetry/startTelemetry.ts';
import { runService } from './runService.ts';

/** Options of {@link serviceMain}. */
export interface ServiceMainOptions<S extends z.ZodObject> {
  /** The service's configuration schema, usually `commonConfig.extend({...})`. */
  config: S;
  /** Connects and starts everything; returns how to stop it in order. */
  start: (deps: { config: z.output<S>; logger: Logger }) => Promise<{ stop: () => Promise<void> }>;
}

/**
 * The whole of a service's `main.ts`: configuration from the environment, the redacting logger,
 * telemetry (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; started before anything opens a
 * socket so http, express and mongoose are traced), then {@link runService} until SIGINT/SIGTERM,
 * flushing traces after the service has stopped.
 */
export async function serviceMain<S extends z.ZodObject>(options: ServiceMainOptions<S>) {
  const config = loadConfig(options.config) as z.output<S> & CommonConfig;
  const logger = createLogger({ name: config.SERVICE_NAME, level: config.LOG_LEVEL });
  const telemetry = startTelemetry({
    serviceName: config.SERVICE_NAME,
    ...(config.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT }
      : {}),
  });
  await runService({
    name: config.SERVICE_NAME,
    logger,
    start: async () => {
      const running = await options.start({ config, logger });
      return {
        stop: async () => {
          await running.stop();
          await telemetry.shutdown();
        },
      };
    },
  });
}
