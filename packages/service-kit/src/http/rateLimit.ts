import { KeywardError, toErrorBody } from '@keyward/contracts';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Principal } from '../auth/createAuth.ts';
import { sendError } from './errorHandler.ts';

/** Options of {@link createRateLimit}. */
export interface CreateRateLimitOptions {
  /** Requests one caller may make in a window. */
  limit: number;
  /** Window length in seconds. */
  windowSec: number;
  /** Names the limit in the RateLimit-Policy header and the 429 message, e.g. "secret". */
  name: string;
}

/**
 * A fixed-window request limit per caller (express-rate-limit, ADR 0006), for a route's
 * `rateLimit`. The caller is the token's subject when the route has authenticated it, else the
 * client address (IPv6 by /56, express-rate-limit's default). Over the limit: 429 RATE_LIMITED in
 * the standard error body with `Retry-After` and the IETF draft-8 `RateLimit`/`RateLimit-Policy`
 * headers. Counts live in this process's memory: each replica limits on its own.
 */
export function createRateLimit(options: CreateRateLimitOptions): RequestHandler {
  const { limit, windowSec, name } = options;
  return rateLimit({
    limit,
    windowMs: windowSec * 1000,
    identifier: name,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const principal = res.locals.principal as Principal | undefined;
      return principal ? `sub:${principal.sub}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
    },
    // Proxies in front (the console's) are not trusted for addresses; callers are keyed by
    // token subject, so a forwarded address needs no warning.
    validate: { xForwardedForHeader: false, forwardedHeader: false },
    handler: (_req, res) => {
      const retryAfter = res.getHeader('retry-after');
      sendError(
        res,
        toErrorBody(
          new KeywardError(
            'RATE_LIMITED',
            `more than ${limit} ${name} requests in ${windowSec} s; retry after ${retryAfter} s`,
            { details: { limit, windowSec } },
          ),
        ),
      );
    },
  });
}
