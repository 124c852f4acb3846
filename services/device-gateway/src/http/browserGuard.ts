import { ERROR_CODES, KeywardError, toErrorBody } from '@keyward/contracts';
import type { Logger } from '@keyward/service-kit';
import cors from 'cors';
import type { RequestHandler, Response } from 'express';
import { checkHost, checkOrigin } from '../domain/browserAccess.ts';

export interface BrowserGuardOptions {
  /** GATEWAY_ALLOWED_ORIGINS: exact origins granted CORS. */
  allowedOrigins: readonly string[];
  /** GATEWAY_ALLOWED_HOSTS: Host names accepted besides loopback (lower case). */
  allowedHosts: readonly string[];
  logger: Logger;
}

/** Chromium caps a cached preflight at 2 h, Firefox at 24 h; 10 min keeps a config change quick. */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * The gateway's browser edge, run before every route (service-kit's `before`): Host check, then
 * Origin check, then the CORS grant with Private Network Access. Refusals are JSON errors that
 * name what was refused, logged as warnings so an administrator sees why a console cannot connect
 * (the browser hides a refused CORS answer from the page).
 */
export function browserGuard(options: BrowserGuardOptions): RequestHandler[] {
  const { allowedOrigins, allowedHosts, logger } = options;
  const refuse = (res: Response, message: string, details: Record<string, unknown>) => {
    // 403, not 421 Misdirected Request: 421 invites a client to retry on another connection
    // (RFC 9110 §15.5.20), which cannot help here, and keeping to the one code → status table
    // (FORBIDDEN) means every client already understands the answer.
    const body = toErrorBody(new KeywardError('FORBIDDEN', message, { details }));
    ((res.locals.logger as Logger | undefined) ?? logger).warn(details, message);
    res.status(ERROR_CODES.FORBIDDEN.httpStatus).json({ error: body });
  };

  const hostGuard: RequestHandler = (req, res, next) => {
    const decision = checkHost({ host: req.headers.host, allowedHosts });
    if (decision.ok) return next();
    refuse(res, decision.message, { host: req.headers.host ?? null });
  };

  const originGuard: RequestHandler = (req, res, next) => {
    // Answers differ by Origin (granted or not), so every one says so to caches.
    res.vary('Origin');
    const decision = checkOrigin({
      origin: req.headers.origin,
      host: req.headers.host,
      allowedOrigins,
    });
    if (decision.kind !== 'refused') return next();
    refuse(res, decision.message, { origin: decision.origin });
  };

  // Private Network Access (WICG draft §3.2): a public page's preflight to a loopback address
  // asks with Access-Control-Request-Private-Network; only an allowed origin gets here.
  const privateNetwork: RequestHandler = (req, res, next) => {
    if (
      req.method === 'OPTIONS' &&
      req.headers['access-control-request-private-network'] === 'true' &&
      req.headers.origin !== undefined &&
      allowedOrigins.includes(req.headers.origin)
    ) {
      res.setHeader('Access-Control-Allow-Private-Network', 'true');
    }
    next();
  };

  const grant = cors({
    origin: (origin, callback) =>
      callback(null, origin !== undefined && allowedOrigins.includes(origin) ? origin : false),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    // The CSV report's file name; everything else the console reads is in the body.
    exposedHeaders: ['Content-Disposition'],
    maxAge: PREFLIGHT_MAX_AGE_S,
    optionsSuccessStatus: 204,
  });

  return [hostGuard, originGuard, privateNetwork, grant];
}
