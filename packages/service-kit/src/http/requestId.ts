import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

const VALID = /^[A-Za-z0-9._-]{1,128}$/;

/** Takes a sane incoming `x-request-id` or makes one; echoes it and puts a child logger in locals. */
export function requestId(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const id = incoming && VALID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', id);
    res.locals.requestId = id;
    res.locals.logger = logger.child({ requestId: id });
    next();
  };
}
