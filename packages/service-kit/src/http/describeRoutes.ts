import { createAuth } from '../auth/createAuth.ts';
import { createLogger } from '../log/createLogger.ts';
import { createHttpApp, type HttpApp } from './createHttpApp.ts';

/** Options of {@link describeRoutes}. */
export interface DescribeRoutesOptions {
  /** Service name, the OpenAPI title ("Keyward <service>"). */
  service: string;
  version?: string;
  /** Registers the service's routes exactly as its start function does. */
  register: (http: HttpApp) => void;
}

/**
 * A service's OpenAPI 3.1 document without starting it: the same `route()` registrations on an
 * app that never listens, so handlers (and the dependencies they would call) are never reached.
 * The console's API clients are generated from these documents.
 */
export function describeRoutes(options: DescribeRoutesOptions): Record<string, unknown> {
  const http = createHttpApp({
    service: options.service,
    ...(options.version ? { version: options.version } : {}),
    logger: createLogger({ name: options.service, level: 'silent' }),
    // Never asked: nothing is served. The issuer is a placeholder, not contacted.
    auth: createAuth({ issuer: 'urn:keyward:describe-only' }),
    readiness: async () => ({}),
  });
  options.register(http);
  return http.openapi.toJSON();
}
