import { connectNats, createLogger, loadConfig, runService } from '@keyward/service-kit';
import { gatewayConfigSchema } from './config.ts';
import { startGateway } from './startGateway.ts';

const config = loadConfig(gatewayConfigSchema);
const logger = createLogger({ name: config.SERVICE_NAME, level: config.LOG_LEVEL });

await runService({
  name: config.SERVICE_NAME,
  logger,
  start: async () => {
    const nc = await connectNats({ url: config.NATS_URL, name: config.SERVICE_NAME, logger });
    const gateway = await startGateway({ config, nc, logger });
    return {
      stop: async () => {
        await gateway.stop();
        await nc.drain();
      },
    };
  },
});
