import { serviceMain } from '@keyward/service-kit';
import { identityConfigSchema } from './config.ts';
import { startIdentity } from './startIdentity.ts';

await serviceMain({ config: identityConfigSchema, start: startIdentity });
