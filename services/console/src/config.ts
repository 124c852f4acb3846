import { fileURLToPath } from 'node:url';
import { commonConfigShape, portSchema } from '@keyward/service-kit';
import { z } from 'zod';

const optionalUrl = z.url().optional();

/** Environment of the console (defaults: design.md "Ports"). */
export const consoleConfigSchema = z.object({
  ...commonConfigShape,
  SERVICE_NAME: z.string().default('console'),
  /** The console does not use the bus. */
  NATS_CREDENTIALS: z.string().min(1).optional(),
  HTTP_PORT: portSchema.default(9300),
  /** The OpenID provider the browser signs in at; default AUTH_ISSUER. */
  CONSOLE_OIDC_ISSUER: z.url().optional(),
  /** The console's public client (authorization code + PKCE) at that provider. */
  CONSOLE_OIDC_CLIENT_ID: z.string().min(1).default('keyward-console'),
  /** OAuth scopes the console asks for. */
  CONSOLE_OIDC_SCOPE: z.string().min(1).default('openid profile'),
  /** The device gateway of the administrator's own workstation, called by the browser directly. */
  CONSOLE_GATEWAY_URL: z.url().default('http://127.0.0.1:9333'),
  /** Upstreams of the same-origin proxy /api/<service>/…; an unset one answers 503. */
  POLICY_URL: optionalUrl,
  IDENTITY_URL: optionalUrl,
  REPORTING_URL: optionalUrl,
  PRINTER_URL: optionalUrl,
  /** The built single-page app (`npm run build -w services/console`). */
  CONSOLE_DIST_DIR: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../dist', import.meta.url))),
});
export type ConsoleConfig = z.output<typeof consoleConfigSchema>;

/** The central services the console proxies, by the path segment after /api/. */
export const PROXIED_SERVICES = {
  policy: 'POLICY_URL',
  identity: 'IDENTITY_URL',
  reporting: 'REPORTING_URL',
  printer: 'PRINTER_URL',
} as const satisfies Record<string, keyof ConsoleConfig>;
export type ProxiedService = keyof typeof PROXIED_SERVICES;
