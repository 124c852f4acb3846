import type { Auth } from '@keyward/service-kit';
import { Router } from 'express';
import { z } from 'zod';
import { PROXIED_SERVICES, type ProxiedService } from '../config.ts';

/** What the browser app needs to start: where to sign in and where each API is. */
export const consoleConfigBody = z.object({
  oidc: z.object({ issuer: z.url(), clientId: z.string(), scope: z.string() }),
  /** The workstation's own device gateway, called directly (CORS). */
  gatewayUrl: z.url(),
  /** Same-origin base path per central service (`/api/policy`). */
  services: z.record(z.string(), z.string()),
  version: z.string(),
});
export type ConsoleConfigBody = z.infer<typeof consoleConfigBody>;

export function buildConsoleConfig(options: {
  issuer: string;
  clientId: string;
  scope: string;
  gatewayUrl: string;
  version: string;
}): ConsoleConfigBody {
  const services = Object.fromEntries(
    (Object.keys(PROXIED_SERVICES) as ProxiedService[]).map((s) => [s, `/api/${s}`]),
  );
  return {
    oidc: { issuer: options.issuer, clientId: options.clientId, scope: options.scope },
    gatewayUrl: options.gatewayUrl,
    services,
    version: options.version,
  };
}

/**
 * `/config.json` (public: nothing in it is secret) and `/api/whoami` (who the bearer token says
 * the caller is, with the permissions the role map grants — the app gates pages and actions on
 * it, while every service still checks each request itself).
 */
export function configRoutes(options: { config: ConsoleConfigBody; auth: Auth }): Router {
  const router = Router();
  router.get('/config.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(options.config);
  });
  router.get('/api/whoami', options.auth.authenticate, (_req, res) => {
    const principal = res.locals.principal as Awaited<ReturnType<Auth['verify']>>;
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      sub: principal.sub,
      name: principal.name ?? principal.sub,
      roles: principal.roles,
      permissions: [...principal.permissions].sort(),
    });
  });
  return router;
}
