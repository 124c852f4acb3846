import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

/**
 * PingOne `P1Error` envelope `{id, code, message, details?[{code,target,message}]}`
 * (developer.pingidentity.com platform/reference/error-codes.html).
 */
export function pingErrorBody(
  code: string,
  message: string,
  details?: { code: string; target?: string; message: string }[],
) {
  return { id: randomUUID(), code, message, ...(details ? { details } : {}) };
}

export function sendPingError(
  res: Response,
  status: number,
  code: string,
  message: string,
  details?: { code: string; target?: string; message: string }[],
) {
  res.status(status).json(pingErrorBody(code, message, details));
}

export function pingFaultBody(status: number) {
  return status === 429
    ? pingErrorBody('REQUEST_LIMITED', 'The request could not be completed. Too many requests.')
    : pingErrorBody(
        'UNEXPECTED_SERVER_ERROR',
        'The request could not be completed. An unexpected error occurred.',
      );
}

/**
 * Worker-app powers come from role assignments, not scopes (idp-apis.md §3.1); device operations
 * need Identity Data Admin.
 */
export const PingRoles = {
  readUsers: ['Identity Data Read Only', 'Identity Data Admin', 'Environment Admin'],
  manageDevices: ['Identity Data Admin', 'Environment Admin'],
} as const;
