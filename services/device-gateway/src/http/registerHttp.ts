import { describeRoutes, type HttpApp } from '@keyward/service-kit';
import type { GatewayCore } from '../operations/gatewayCore.ts';
import { assignRoutes } from './assignRoutes.ts';
import { deviceRoutes } from './deviceRoutes.ts';
import { gatewayRoute } from './httpApp.ts';
import { operationRoutes } from './operationRoutes.ts';
import { sessionRoutes } from './sessionRoutes.ts';
import { simulationRoutes } from './simulationRoutes.ts';

export const GATEWAY_VERSION = '0.1.0';

/** Every REST route of the gateway (the simulation routes only when simulation is on). */
export function registerHttp(http: HttpApp, core: GatewayCore): void {
  const route = gatewayRoute(http);
  deviceRoutes(route, core);
  sessionRoutes(route, core);
  assignRoutes(route, core);
  operationRoutes(route, core);
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
