import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  adminEvents,
  isPermission,
  KeywardError,
  type Permission,
  serialSchema,
  toErrorBody,
} from '@keyward/contracts';
import express, { type Express, type RequestHandler, Router } from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { z } from 'zod';
import type { Auth } from '../auth/createAuth.ts';
import type { EventPublisher } from '../nats/createEventPublisher.ts';
import { errorHandler, type ForbiddenHook, sendError } from './errorHandler.ts';
import { createMetrics } from './metrics.ts';
import { OpenApiDocument } from './openapi.ts';
import { refuseUndecodable } from './refuseUndecodable.ts';
import { requestId } from './requestId.ts';
import { createRouteHandler } from './routeHandler.ts';
import type { ResponseSchemas, RouteHandler, RouteSpec } from './routeSpec.ts';
import { securityHeaders } from './securityHeaders.ts';

/** Options of {@link createHttpApp}. */
export interface CreateHttpAppOptions {
  /** Service name, used as the OpenAPI title. */
  service: string;
  /** OpenAPI `info.version`. Default "0.1.0". */
  version?: string;
  logger: Logger;
  auth: Auth;
  /** Named checks for /readyz, e.g. `{nats: true, mongo: false}`; all true → 200, else 503. */
  readiness: () => Promise<Record<string, boolean>>;
  /** Default a new registry with process metrics; pass one to add the service's own. */
  metrics?: Registry;
  /** JSON body limit. Default "100kb". */
  bodyLimit?: string;
  /** When given, every 403 is published as `keyward.admin.access_denied` (audited refusals). */
  audit?: EventPublisher;
  /**
   * Middleware run after the request id and metrics but before the body parser and every route,
   * /healthz included: checks that must refuse a request before anything answers it (the
   * gateway's Host and Origin checks). Default none.
   */
  before?: RequestHandler[];
}

export interface HttpApp {
  /** Raw express app, for streaming routes; wrap them with `requirePermission`. */
  app: Express;
  /**
   * Handlers that are not documented routes (static files, a reverse proxy), run after the
   * routes and before the uniform 404; each must check its own caller or be public.
   */
  raw: Router;
  /** Registers a validated, permission-checked, documented route. */
  route<
    P extends z.ZodType | undefined = undefined,
    Q extends z.ZodType | undefined = undefined,
    B extends z.ZodType | undefined = undefined,
    R extends ResponseSchemas = ResponseSchemas,
    S extends keyof R & number = 200,
  >(spec: RouteSpec<P, Q, B, R, S>, handler: RouteHandler<P, Q, B, R, S>): void;
  /** Middleware for raw routes: 401/403 exactly as `route` does. */
  requirePermission(permission: Permission): RequestHandler;
  openapi: OpenApiDocument;
  metrics: Registry;
  /** Starts listening; resolves with the bound port. */
  listen(options: {
    port: number;
    host?: string;
  }): Promise<{ port: number; server: Server; close(): Promise<void> }>;
}

/**
 * The express 5 app every service uses: request id, metrics, security headers, a 400 for an
 * undecodable path or Content-Encoding, JSON body limit, /healthz, /readyz, /metrics,
 * /openapi.json, then the service's routes, then uniform 405/404 and errors. No automatic ETag:
 * express's is a hash of the body, which for an answer holding a PIN is a brute-forceable digest
 * of the PIN in a header (issue 19); no route or client uses conditional requests.
 */
export function createHttpApp(options: CreateHttpAppOptions): HttpApp {
  const {
    service,
    version = '0.1.0',
    logger,
    auth,
    readiness,
    bodyLimit = '100kb',
    audit,
    before = [],
  } = options;
  const app = express();
  const metrics = createMetrics(options.metrics);
  const openapi = new OpenApiDocument({ title: `Keyward ${service}`, version });
  const routes = Router();
  const methodsByPath = new Map<string, Set<string>>();
  const fallback = Router();
  const raw = Router();

  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(requestId(logger), metrics.middleware, securityHeaders());
  if (before.length > 0) app.use(...before);
  app.use(refuseUndecodable());
  app.use(express.json({ limit: bodyLimit }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await readiness().catch(() => ({ readiness: false }));
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi.toJSON());
  });
  app.use(routes, raw, fallback);
  app.use((req, res) => {
    sendError(
      res,
      toErrorBody(new KeywardError('NOT_FOUND', `no route ${req.method} ${req.path}`)),
    );
  });
  app.use(errorHandler(logger, audit ? auditRefusal(audit, service) : undefined));

  return {
    app,
    raw,
    openapi,
    metrics: metrics.registry,
    requirePermission: (permission) => auth.requirePermission(permission),
    route(spec, handler) {
      openapi.add(
        spec as RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>,
      );
      routes[spec.method](spec.path, ...createRouteHandler(auth, spec, handler));
      let methods = methodsByPath.get(spec.path);
      if (!methods) {
        methods = new Set();
        methodsByPath.set(spec.path, methods);
        const allowed = methods;
        // Registered once per path, after every method's route: any other method is a 405.
        fallback.all(spec.path, (req, res) => {
          res.setHeader('Allow', [...allowed].map((m) => m.toUpperCase()).join(', '));
          const message = `${req.method} not allowed on ${spec.path}; allowed: ${[...allowed].join(', ').toUpperCase()}`;
          sendError(res, toErrorBody(new KeywardError('METHOD_NOT_ALLOWED', message)));
        });
      }
      methods.add(spec.method);
      if (spec.method === 'get') methods.add('head');
    },
    listen({ port, host = '127.0.0.1' }) {
      return new Promise((resolve, reject) => {
        const server = app.listen(port, host, (error?: Error) => {
          if (error) return reject(error);
          const bound = (server.address() as AddressInfo).port;
          logger.info({ port: bound, host }, 'HTTP listening');
          resolve({ port: bound, server, close: () => closeServer(server) });
        });
      });
    },
  };
}

function auditRefusal(audit: EventPublisher, service: string): ForbiddenHook {
  return async ({ actor, method, path, resource, serial: param, permission }) => {
    if (!isPermission(permission) || actor === 'anonymous') return;
    // A parameter the event cannot carry is left out, not a refusal left unaudited; `resource`
    // still names what was asked for.
    const serial = serialSchema.safeParse(param).success ? param : undefined;
    await audit.publish(adminEvents.accessDenied, {
      actor,
      ...(serial ? { subject: serial } : {}),
      data: { service, method, path, resource, ...(serial ? { serial } : {}), permission },
    });
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    // Stop accepting; keep-alive sockets would hold close() open until their timeout, so close
    // each one as soon as its in-flight request has been answered.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}
