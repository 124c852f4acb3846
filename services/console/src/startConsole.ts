import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { authFromConfig, createHttpApp, type Logger } from '@keyward/service-kit';
import { type ConsoleConfig, PROXIED_SERVICES, type ProxiedService } from './config.ts';
import { appRoutes } from './http/appRoutes.ts';
import { buildConsoleConfig, configRoutes } from './http/configRoutes.ts';
import { proxyRoutes } from './http/proxy.ts';
import { securityHeaders } from './http/securityHeaders.ts';

export const CONSOLE_VERSION = '0.1.0';

export interface RunningConsole {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * The console service: the built app, /config.json, /api/whoami and the same-origin proxy to
 * the central services, behind strict security headers. It holds no state and no secrets.
 */
export async function startConsole(options: {
  config: ConsoleConfig;
  logger: Logger;
}): Promise<RunningConsole> {
  const { config, logger } = options;
  const issuer = config.CONSOLE_OIDC_ISSUER ?? config.AUTH_ISSUER;
  const index = join(config.CONSOLE_DIST_DIR, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ index }, 'the app is not built: run `npm run build -w services/console`');
  }
  const auth = authFromConfig(config);
  const http = createHttpApp({
    service: config.SERVICE_NAME,
    version: CONSOLE_VERSION,
    logger,
    auth,
    // Proxied bodies pass through service-kit's JSON parser first; allow what upstreams allow.
    bodyLimit: '6mb',
    readiness: async () => ({ app: existsSync(index) }),
  });
  const upstreams = Object.fromEntries(
    (Object.entries(PROXIED_SERVICES) as [ProxiedService, keyof ConsoleConfig][]).flatMap(
      ([service, variable]) => (config[variable] ? [[service, String(config[variable])]] : []),
    ),
  );
  http.raw.use(
    securityHeaders({
      connectOrigins: [new URL(config.CONSOLE_GATEWAY_URL).origin, new URL(issuer).origin],
    }),
    configRoutes({
      auth,
      config: buildConsoleConfig({
        issuer,
        clientId: config.CONSOLE_OIDC_CLIENT_ID,
        scope: config.CONSOLE_OIDC_SCOPE,
        gatewayUrl: config.CONSOLE_GATEWAY_URL,
        version: CONSOLE_VERSION,
      }),
    }),
    proxyRoutes({ upstreams, logger }),
    appRoutes(config.CONSOLE_DIST_DIR),
  );
  const server = await http.listen({ port: config.HTTP_PORT, host: config.HTTP_HOST });
  const url = `http://${config.HTTP_HOST}:${server.port}`;
  logger.info({ url, upstreams: Object.keys(upstreams) }, 'console started');
  return { port: server.port, url, stop: () => server.close() };
}
