import { randomBytes } from 'node:crypto';
import type { Response } from 'express';

/**
 * Okta error codes used by the emulator (okta-developer-docs `data/error-codes.json`).
 * Envelope: `{errorCode, errorSummary, errorLink, errorId, errorCauses}` (management spec `Error`).
 */
export const OktaErrors = {
  E0000001: { status: 400, summary: 'Api validation failed' },
  E0000006: { status: 403, summary: 'You do not have permission to perform the requested action' },
  E0000007: { status: 404, summary: 'Not found' },
  E0000011: { status: 401, summary: 'Invalid token provided' },
  E0000047: { status: 429, summary: 'API call exceeded rate limit due to too many requests.' },
  E0000068: { status: 403, summary: 'Invalid Passcode/Answer' },
  E0000009: { status: 500, summary: 'Internal Server Error' },
  E0000157: { status: 409, summary: 'An authenticator with the same credential already exists.' },
} as const;

export type OktaErrorCode = keyof typeof OktaErrors;

export function oktaErrorBody(code: OktaErrorCode, causes: string[] = [], summary?: string) {
  return {
    errorCode: code,
    errorSummary: summary ?? OktaErrors[code].summary,
    errorLink: code,
    errorId: `oae${randomBytes(12).toString('base64url')}`,
    errorCauses: causes.map((errorSummary) => ({ errorSummary })),
  };
}

export function sendOktaError(
  res: Response,
  code: OktaErrorCode,
  causes: string[] = [],
  summary?: string,
) {
  res.status(OktaErrors[code].status).json(oktaErrorBody(code, causes, summary));
}

export function oktaFaultBody(status: number) {
  return status === 429 ? oktaErrorBody('E0000047') : oktaErrorBody('E0000009');
}
