import { ERROR_CODES, type ErrorBody, KeywardError, toErrorBody } from '@keyward/contracts';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';

/** Called for every 403, so refusals are audited (createHttpApp publishes admin.access_denied). */
export type ForbiddenHook = (denial: {
  actor: string;
  method: string;
  /** The route pattern (`/devices/:serial/pins/user`), for grouping refusals. */
  path: string;
  /** The path actually requested, naming the resource (`/devices/K-1/pins/user`). */
  resource: string;
  /** The `:serial` route parameter, when the route addresses a key by serial. */
  serial?: string;
  permission: string;
}) => void | Promise<void>;

/** Sends `{error:{code,message,details}}` with the status from the one code → status table. */
export function sendError(res: Response, body: ErrorBody): void {
  const status = ERROR_CODES[body.code].httpStatus;
  if (body.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', challenge(body));
  if (body.code === 'FORBIDDEN') {
    res.setHeader('WWW-Authenticate', 'Bearer realm="keyward", error="insufficient_scope"');
  }
  res.status(status).json({ error: body });
}

/**
 * The edge where errors become HTTP: body-parser failures → 400/413, KeywardError → its code,
 * anything else → 500 INTERNAL (logged with the stack, never sent). Only 5xx are logged at error.
 */
export function errorHandler(logger: Logger, onForbidden?: ForbiddenHook): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const translated = translate(error, req.headers['content-encoding']);
    const body = toErrorBody(translated);
    const log = (res.locals.logger as Logger | undefined) ?? logger;
    if (body.code === 'FORBIDDEN' && onForbidden) {
      const principal = res.locals.principal as { actor: string } | undefined;
      const denial = {
        actor: principal?.actor ?? 'anonymous',
        method: req.method,
        path: (res.locals.routePattern as string | undefined) ?? req.path,
        resource: req.path,
        ...serialOf(res.locals.routeParams),
        permission: String(body.details?.permission ?? ''),
      };
      Promise.resolve()
        .then(() => onForbidden(denial))
        .catch((auditError: unknown) =>
          log.error({ err: auditError }, 'could not audit a refusal'),
        );
    }
    if (ERROR_CODES[body.code].httpStatus >= 500) {
      log.error({ err: error, method: req.method, path: req.path }, 'request failed');
    } else if (body.code === 'FORBIDDEN') {
      // A refusal of an authenticated caller is worth an administrator's eye, not an error.
      log.info({ code: body.code, method: req.method, path: req.path }, 'request forbidden');
    } else {
      log.debug({ code: body.code, method: req.method, path: req.path }, 'request refused');
    }
    sendError(res, body);
  };
}

function translate(error: unknown, contentEncoding: string | undefined): unknown {
  if (error instanceof KeywardError) return error;
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') {
    return new KeywardError('VALIDATION_FAILED', 'body: not valid JSON', { cause: error });
  }
  if (type === 'entity.too.large') {
    const limit = (error as { limit?: number }).limit;
    return new KeywardError('PAYLOAD_TOO_LARGE', `body: larger than ${limit} bytes`, {
      cause: error,
    });
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new KeywardError('VALIDATION_FAILED', 'body: unsupported encoding', { cause: error });
  }
  // body-parser's inflate failures (a truncated gzip stream) are untyped http-errors with 400.
  if (type === undefined && contentEncoding && (error as { status?: unknown }).status === 400) {
    return new KeywardError(
      'VALIDATION_FAILED',
      `body: could not be decoded as ${JSON.stringify(contentEncoding.trim().toLowerCase())}`,
      { cause: error },
    );
  }
  return error;
}

function challenge(body: ErrorBody): string {
  const bearerError = body.details?.bearerError;
  if (typeof bearerError !== 'string') return 'Bearer realm="keyward"';
  return `Bearer realm="keyward", error="${bearerError}"`;
}

function serialOf(params: unknown): { serial?: string } {
  const serial = (params as { serial?: unknown } | undefined)?.serial;
  return typeof serial === 'string' && serial.length > 0 ? { serial } : {};
}
