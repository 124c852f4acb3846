import { serviceMain } from '@keyward/service-kit';
import { reportingConfig } from './config.ts';
import { startReporting } from './startReporting.ts';

await serviceMain({ config: reportingConfig, start: startReporting });
