import type { Permission } from '@keyward/contracts';
import type { HttpApp, Principal } from '@keyward/service-kit';
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';

export interface GatewayRouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  /** Every route declares its permission; `null` marks a deliberately public route. */
  permission: Permission | null;
  params?: P;
  query?: Q;
  body?: B;
  /** The answer carries a PIN: every answer is `Cache-Control: no-store` (service-kit). */
  secret?: boolean;
  /** A per-caller request limit (service-kit createRateLimit). */
  rateLimit?: RequestHandler;
  responses: Record<number, z.ZodType>;
}

export interface GatewayRouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal | undefined;
  actor: string;
  req: Request;
  res: Response;
}

/** The body (200 unless `status`), or `undefined` when the handler wrote `res` itself (SSE, CSV). */
export type RouteResult = { status?: number; body: unknown } | undefined;

export type Route = <
  P extends z.ZodType = z.ZodObject,
  Q extends z.ZodType = z.ZodObject,
  B extends z.ZodType = z.ZodObject,
>(
  spec: GatewayRouteSpec<P, Q, B>,
  handler: (
    ctx: GatewayRouteContext<z.output<P>, z.output<Q>, z.output<B>>,
  ) => Promise<RouteResult>,
) => void;

/**
 * The gateway's routes on service-kit's createHttpApp (validation, auth, permissions, OpenAPI,
 * error mapping). Some gateway routes answer 200 or 202 depending on `?wait`, so a handler may
 * choose its status; the first 2xx of `responses` is the documented default.
 */
export function gatewayRoute(http: HttpApp): Route {
  return (spec, handler) => {
    const success =
      Object.keys(spec.responses)
        .map(Number)
        .find((s) => s >= 200 && s < 300) ?? 200;
    http.route(
      { ...spec, status: success } as never,
      (async (
        input: { params: unknown; query: unknown; body: unknown },
        ctx: { principal: Principal | undefined; actor: string; req: Request; res: Response },
      ) => {
        const result = await handler({ ...input, ...ctx } as never);
        if (result === undefined) return undefined;
        if (result.status !== undefined && result.status !== success) {
          ctx.res.status(result.status).json(result.body);
          return undefined;
        }
        return result.body;
      }) as never,
    );
  };
}

/**
 * The bearer token of the REST call, for policy requests made on the caller's behalf: the
 * policy service verifies it itself (ADR 0007) and it travels sealed. Undefined without one.
 */
export function bearerTokenOf(ctx: { req: Request }): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(ctx.req.get('authorization')?.trim() ?? '');
  return match?.[1];
}

/** The caller as device views and the action table see it. */
export function callerOf(ctx: { actor: string; principal: Principal | undefined }): {
  actor: string;
  permissions: ReadonlySet<string>;
} {
  return { actor: ctx.actor, permissions: ctx.principal?.permissions ?? new Set() };
}
