import { serviceMain } from '@keyward/service-kit';
import { consoleConfigSchema } from './config.ts';
import { startConsole } from './startConsole.ts';

await serviceMain({
  config: consoleConfigSchema,
  start: async ({ config, logger }) => startConsole({ config, logger }),
});
