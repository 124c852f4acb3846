import { connectNats, serviceMain } from '@keyward/service-kit';
import { gatewayConfigSchema } from './config.ts';
import { startGateway } from './startGateway.ts';

await serviceMain({
  config: gatewayConfigSchema,
  start: async ({ config, logger }) => {
    const nc = await connectNats({
      url: config.NATS_URL,
      name: config.SERVICE_NAME,
      logger,
      credentialsFile: config.NATS_CREDENTIALS,
    });
    const gateway = await startGateway({ config, nc, logger });
    return {
      stop: async () => {
        await gateway.stop();
        await nc.drain();
      },
    };
  },
});
