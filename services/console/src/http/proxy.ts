import type { IncomingMessage, ServerResponse } from 'node:http';
import { KeywardError, toErrorBody } from '@keyward/contracts';
import { type Logger, sendError } from '@keyward/service-kit';
import { type Response, Router } from 'express';
import { createProxyMiddleware, fixRequestBody } from 'http-proxy-middleware';
import { PROXIED_SERVICES, type ProxiedService } from '../config.ts';

export interface ProxyOptions {
  /** Upstream base URL per central service; a missing one answers 503 naming the variable. */
  upstreams: Partial<Record<ProxiedService, string>>;
  logger: Logger;
}

/**
 * The same-origin front door `/api/<service>/…` to the central services' REST APIs: the path
 * after the service name and the caller's bearer token go upstream unchanged, and the upstream
 * decides (it verifies the token and the permission). The console never reads the bodies; JSON
 * bodies that service-kit's parser already consumed are re-sent as they came (fixRequestBody).
 */
export function proxyRoutes(options: ProxyOptions): Router {
  const router = Router();
  for (const service of Object.keys(PROXIED_SERVICES) as ProxiedService[]) {
    const target = options.upstreams[service];
    if (!target) {
      router.use(`/api/${service}`, (_req, res) => {
        sendError(
          res,
          toErrorBody(
            new KeywardError(
              'UPSTREAM_UNAVAILABLE',
              `the ${service} service is not configured on this console (${PROXIED_SERVICES[service]})`,
            ),
          ),
        );
      });
      continue;
    }
    router.use(
      `/api/${service}`,
      createProxyMiddleware<IncomingMessage, ServerResponse>({
        target,
        changeOrigin: true,
        xfwd: true,
        proxyTimeout: 60_000,
        // Its own logging would print URLs and errors outside our redacting logger.
        logger: undefined,
        on: {
          proxyReq: fixRequestBody,
          // The browser must never store answers that carry PINs or personal data.
          proxyRes: (proxyRes) => {
            proxyRes.headers['cache-control'] ??= 'no-store';
          },
          error: (error, _req, res) => {
            options.logger.warn({ service, err: (error as Error).message }, 'upstream unreachable');
            const response = res as Response;
            if (!('headersSent' in response) || response.headersSent) return;
            sendError(
              response,
              toErrorBody(
                new KeywardError('UPSTREAM_UNAVAILABLE', `the ${service} service is unreachable`),
              ),
            );
          },
        },
      }),
    );
  }
  return router;
}
