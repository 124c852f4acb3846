import { describeRoutes } from '@keyward/service-kit';
import type { IdentityDeps } from '../usecases/deps.ts';
import { registerRoutes } from './routes.ts';

export const IDENTITY_VERSION = '0.1.0';

/** The service's OpenAPI document without starting it (the console's clients come from it). */
export function openapiDocument(): Record<string, unknown> {
  return describeRoutes({
    service: 'identity',
    version: IDENTITY_VERSION,
    register: (http) => registerRoutes(http, {} as IdentityDeps),
  });
}
