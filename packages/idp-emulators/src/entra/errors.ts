import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

/**
 * Microsoft Graph error envelope `{error:{code,message,innerError}}`
 * (microsoft-graph-docs-contrib `concepts/errors.md`).
 */
export function graphErrorBody(code: string, message: string) {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        'request-id': randomUUID(),
        'client-request-id': randomUUID(),
      },
    },
  };
}

export function sendGraphError(res: Response, status: number, code: string, message: string) {
  res.status(status).json(graphErrorBody(code, message));
}

/** Codes Graph uses for throttling and outages (`concepts/errors.md`). */
export function graphFaultBody(status: number) {
  if (status === 429) {
    return graphErrorBody('activityLimitReached', 'The application or user has been throttled.');
  }
  return graphErrorBody('serviceNotAvailable', 'The service is temporarily unavailable.');
}
