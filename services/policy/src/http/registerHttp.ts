import { createRateLimit, describeRoutes, type HttpApp } from '@keyward/service-kit';
import type { PolicyServiceDeps } from '../service/deps.ts';
import { registerDeviceRoutes } from './deviceRoutes.ts';
import { registerLinkRoutes } from './linkRoutes.ts';
import { registerMdsRoutes } from './mdsRoutes.ts';
import { registerPolicyRoutes } from './policyRoutes.ts';

export const POLICY_VERSION = '0.1.0';

/** Options of {@link registerHttp}. */
export interface PolicyHttpOptions {
  /**
   * Requests per caller and window on the PIN and unlock-response routes, together
   * (SECRET_RATE_LIMIT, SECRET_RATE_WINDOW_S). Default 30 a minute.
   */
  secretRateLimit?: { limit: number; windowSec: number };
}

/** Every REST route of the policy service. */
export function registerHttp(
  http: HttpApp,
  deps: PolicyServiceDeps,
  options: PolicyHttpOptions = {},
): void {
  const { secretRateLimit = { limit: 30, windowSec: 60 } } = options;
  registerPolicyRoutes(http, deps);
  registerDeviceRoutes(http, deps, createRateLimit({ ...secretRateLimit, name: 'PIN and unlock' }));
  registerLinkRoutes(http, deps);
  registerMdsRoutes(http, deps);
}

/** The service's OpenAPI document without starting it (the console's clients come from it). */
export function openapiDocument(): Record<string, unknown> {
  return describeRoutes({
    service: 'policy',
    version: POLICY_VERSION,
    register: (http) => registerHttp(http, {} as PolicyServiceDeps),
  });
}
