import { createRateLimit, describeRoutes, type HttpApp } from '@keyward/service-kit';
import type { GatewayCore } from '../operations/gatewayCore.ts';
import { assignRoutes } from './assignRoutes.ts';
import { deviceRoutes } from './deviceRoutes.ts';
import { gatewayRoute } from './httpApp.ts';
import { operationRoutes } from './operationRoutes.ts';
import { sessionRoutes } from './sessionRoutes.ts';
import { simulationRoutes } from './simulationRoutes.ts';

export const GATEWAY_VERSION = '0.1.0';

/** Options of {@link registerHttp}. */
export interface GatewayHttpOptions {
  /**
   * Requests per caller and window on the PIN view and unlock routes, together
   * (SECRET_RATE_LIMIT, SECRET_RATE_WINDOW_S). Default 30 a minute.
   */
  secretRateLimit?: { limit: number; windowSec: number };
}

/** Every REST route of the gateway (the simulation routes only when simulation is on). */
export function registerHttp(
  http: HttpApp,
  core: GatewayCore,
  options: GatewayHttpOptions = {},
): void {
  const { secretRateLimit = { limit: 30, windowSec: 60 } } = options;
  const route = gatewayRoute(http);
  deviceRoutes(route, core);
  sessionRoutes(route, core);
  assignRoutes(route, core);
  operationRoutes(route, core, createRateLimit({ ...secretRateLimit, name: 'PIN and unlock' }));
  simulationRoutes(route, core);
}

/**
 * The gateway's OpenAPI document without starting it, simulation routes included (the console's
 * clients come from it; the console uses them only against a simulating gateway).
 */
export function openapiDocument(): Record<string, unknown> {
  return describeRoutes({
    service: 'device-gateway',
    version: GATEWAY_VERSION,
    register: (http) => registerHttp(http, { simulation: {} } as GatewayCore),
  });
}
