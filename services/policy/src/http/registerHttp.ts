import { describeRoutes, type HttpApp } from '@keyward/service-kit';
import type { PolicyServiceDeps } from '../service/deps.ts';
import { registerDeviceRoutes } from './deviceRoutes.ts';
import { registerLinkRoutes } from './linkRoutes.ts';
import { registerMdsRoutes } from './mdsRoutes.ts';
import { registerPolicyRoutes } from './policyRoutes.ts';

export const POLICY_VERSION = '0.1.0';

/** Every REST route of the policy service. */
export function registerHttp(http: HttpApp, deps: PolicyServiceDeps): void {
  registerPolicyRoutes(http, deps);
  registerDeviceRoutes(http, deps);
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
