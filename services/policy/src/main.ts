import { serviceMain } from '@keyward/service-kit';
import { policyConfigSchema } from './config.ts';
import { startPolicy } from './startPolicy.ts';

await serviceMain({ config: policyConfigSchema, start: startPolicy });
