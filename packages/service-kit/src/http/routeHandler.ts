import { type Permission, validationError } from '@keyward/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Auth, Principal } from '../auth/createAuth.ts';
import type { ResponseSchemas, RouteHandler, RouteSpec } from './routeSpec.ts';

/**
 * The middleware chain of one route: authentication (401) → rate limit (429) → path parameters
 * (400) → permission (403) → query and body (400) → handler → response validation. Path
 * parameters name the resource, so a malformed one is the caller's 400 before any refusal of
 * that resource is audited with it (issue 19: an over-long serial was a 403 the audit could
 * not record).
 */
export function createRouteHandler<P, Q, B, R extends ResponseSchemas, S extends keyof R & number>(
  auth: Auth,
  spec: RouteSpec<
    P & (z.ZodType | undefined),
    Q & (z.ZodType | undefined),
    B & (z.ZodType | undefined),
    R,
    S
  >,
  handler: RouteHandler<P, Q, B, R, S>,
): RequestHandler[] {
  const status = (spec.status ?? 200) as number;
  const responseSchema = spec.responses[status];
  const chain: RequestHandler[] = [
    (_req, res, next) => {
      res.locals.routePattern = spec.path;
      if (spec.secret) res.setHeader('Cache-Control', 'no-store');
      next();
    },
  ];
  if (spec.permission !== null) chain.push(auth.authenticate);
  if (spec.rateLimit) chain.push(spec.rateLimit);
  chain.push((req, res, next) => {
    res.locals.params = parsePart(spec.params, req.params, 'params');
    // Express forgets route params once routing ends; the error edge still names the resource.
    res.locals.routeParams = { ...req.params };
    next();
  });
  if (spec.permission !== null) {
    const permission = spec.permission as Permission;
    chain.push((_req, res, next) => {
      auth.check(res.locals.principal as Principal, permission);
      next();
    });
  }
  chain.push(async (req: Request, res: Response, _next: NextFunction) => {
    const input = {
      params: res.locals.params,
      query: parsePart(spec.query, req.query, 'query'),
      body: parsePart(spec.body, req.body, 'body'),
    };
    const principal = res.locals.principal as Principal | undefined;
    const result = await handler(input as never, {
      principal,
      actor: principal?.actor ?? 'anonymous',
      requestId: res.locals.requestId as string,
      logger: res.locals.logger as Logger,
      req,
      res,
    });
    if (res.headersSent) return;
    if (status === 204 || responseSchema === undefined) {
      res.status(status).end();
      return;
    }
    const checked = responseSchema.safeParse(result);
    if (!checked.success) {
      // Our bug, not the caller's: the handler broke its documented response.
      throw new Error(validationError(checked.error, { root: 'response' }).message);
    }
    res.status(status).json(checked.data);
  });
  return chain;
}

function parsePart(schema: z.ZodType | undefined, value: unknown, root: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (root === 'body' ? undefined : {}));
  if (!result.success) throw validationError(result.error, { root });
  return result.data;
}
