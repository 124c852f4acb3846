import type { NextFunction, Request, Response } from 'express';

/** One injected failure plan: the next `count` API requests answer `status`. */
export interface FaultPlan {
  count: number;
  /** 429 (rate limit) or any 5xx. */
  status: number;
  /** Seconds sent in the Retry-After header (429/503); omitted when undefined. */
  retryAfterSeconds?: number;
}

/** Renders a provider-shaped error body for an injected fault. */
export type FaultBody = (status: number) => unknown;

/**
 * Queue of injected faults shared by an emulator's API routes. Token endpoints are not affected:
 * providers rate-limit the data APIs, and the connector's retry path is what tests exercise.
 */
export class FaultInjector {
  private readonly plans: FaultPlan[] = [];
  /** Requests answered with an injected fault so far. */
  served = 0;

  inject(plan: FaultPlan): void {
    if (!Number.isInteger(plan.count) || plan.count < 1) {
      throw new TypeError(`fault count was ${plan.count}, expected a positive integer`);
    }
    if (plan.status !== 429 && (plan.status < 500 || plan.status > 599)) {
      throw new TypeError(`fault status was ${plan.status}, expected 429 or 5xx`);
    }
    this.plans.push({ ...plan });
  }

  clear(): void {
    this.plans.length = 0;
  }

  get pending(): number {
    return this.plans.reduce((n, p) => n + p.count, 0);
  }

  middleware(body: FaultBody) {
    return (_req: Request, res: Response, next: NextFunction): void => {
      const plan = this.plans[0];
      if (!plan) {
        next();
        return;
      }
      plan.count -= 1;
      if (plan.count === 0) this.plans.shift();
      this.served += 1;
      if (plan.retryAfterSeconds !== undefined) {
        res.setHeader('Retry-After', String(plan.retryAfterSeconds));
      }
      res.status(plan.status).json(body(plan.status));
    };
  }
}
