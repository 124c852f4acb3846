import { createLogger, loadConfig, runService, startTelemetry } from '@keyward/service-kit';
import { identityConfigSchema } from './config.ts';
import { startIdentity } from './startIdentity.ts';

const config = loadConfig(identityConfigSchema);
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
    const running = await startIdentity({ config, logger });
    return {
      stop: async () => {
        await running.stop();
        await telemetry.shutdown();
      },
    };
  },
});
