import type { Permission } from '@keyward/contracts';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Principal } from '../auth/createAuth.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Response schemas by status; the success status's schema types the handler's result. */
export type ResponseSchemas = { [status: number]: z.ZodType };

/** One REST route: what it accepts, who may call it, what it answers. */
export interface RouteSpec<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends ResponseSchemas = ResponseSchemas,
  S extends keyof R & number = 200,
> {
  method: HttpMethod;
  /** Express syntax: `/devices/:id`. */
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  /** Required, no default: `null` marks a deliberately public route. */
  permission: Permission | null;
  params?: P;
  query?: Q;
  body?: B;
  /** Success status; default 200. */
  status?: S;
  /**
   * The answer carries a secret (a PIN, an unlock response): every answer, errors included, is
   * `Cache-Control: no-store`. Default false.
   */
  secret?: boolean;
  /**
   * A request limit ({@link createRateLimit}), run once the caller is authenticated so it counts
   * per token subject; documented as a 429. Default none.
   */
  rateLimit?: RequestHandler;
  responses: R;
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<P, Q, B> {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
}

export interface RouteContext {
  /** Undefined only on public routes (`permission: null`). */
  principal: Principal | undefined;
  /** "user:<sub>" of the caller, or "anonymous" on public routes. */
  actor: string;
  requestId: string;
  logger: Logger;
  /** Raw objects for streaming answers (CSV, SSE): write to `res` and return nothing. */
  req: Request;
  res: Response;
}

export type RouteHandler<P, Q, B, R extends ResponseSchemas, S extends keyof R> = (
  input: RouteInput<P, Q, B>,
  ctx: RouteContext,
) => Promise<z.input<R[S]> | undefined>;
