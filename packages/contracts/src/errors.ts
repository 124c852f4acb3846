import { isSecretFieldName } from './secrets.ts';

/**
 * Every stable error code in Keyward, with the HTTP status the edges map it to. One table, so a
 * new code cannot be added without deciding how it crosses the wire (docs/ARCHITECTURE.md
 * "Errors"). Domain owners add their codes here.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { httpStatus: 400, description: 'A field of the input is missing or invalid' },
  UNAUTHENTICATED: { httpStatus: 401, description: 'No valid bearer token' },
  FORBIDDEN: { httpStatus: 403, description: 'The caller lacks the required permission' },
  NOT_FOUND: { httpStatus: 404, description: 'The addressed resource does not exist' },
  METHOD_NOT_ALLOWED: { httpStatus: 405, description: 'The path exists, the method does not' },
  CONFLICT: { httpStatus: 409, description: 'The request conflicts with the current state' },
  DEVICE_BUSY: { httpStatus: 409, description: 'Another operation holds the device lease' },
  DEVICE_GONE: { httpStatus: 409, description: 'The device was removed during the operation' },
  DEVICE_LOCKED: { httpStatus: 409, description: 'The device PIN is blocked' },
  DEVICE_NOT_ALLOWED: { httpStatus: 422, description: 'Policy or attestation rules reject it' },
  UNSUPPORTED: { httpStatus: 422, description: 'The device cannot do what was asked' },
  POLICY_VIOLATION: { httpStatus: 422, description: 'The input contradicts the policy' },
  CTAP_ERROR: { httpStatus: 422, description: 'The authenticator answered with a CTAP error' },
  ENROLLMENT_EXPIRED: { httpStatus: 410, description: 'The enrollment timed out' },
  ATTESTATION_INVALID: { httpStatus: 422, description: 'The attestation did not verify' },
  PAYLOAD_TOO_LARGE: { httpStatus: 413, description: 'The request body exceeds the limit' },
  RATE_LIMITED: { httpStatus: 429, description: 'Too many requests; retry later' },
  UPSTREAM_UNAVAILABLE: { httpStatus: 503, description: 'A service or provider is unreachable' },
  UPSTREAM_FAILED: { httpStatus: 502, description: 'A service or provider answered with an error' },
  IDP_AUTH_FAILED: {
    httpStatus: 502,
    description: 'The identity provider refused our credentials',
  },
  TIMEOUT: { httpStatus: 504, description: 'A peer did not answer in time' },
  INVALID_EVENT: { httpStatus: 400, description: 'Event data does not match its schema' },
  MALFORMED_EVENT: { httpStatus: 400, description: 'Not JSON or not a CloudEvents envelope' },
  UNKNOWN_EVENT_TYPE: { httpStatus: 400, description: 'No contract defines this event type' },
  EVENT_SIGNATURE_INVALID: {
    httpStatus: 400,
    description: 'The event is unsigned, or not signed by a publisher that owns its subject',
  },
  CONFIG_INVALID: { httpStatus: 500, description: 'An environment variable is missing or invalid' },
  SEALED_VALUE_INVALID: {
    httpStatus: 400,
    description: 'A value sealed for the bus did not open (wrong key or context, or tampered)',
  },
  SEALING_KEY_UNKNOWN: {
    httpStatus: 409,
    description: 'A value was sealed to a transport key the service does not hold (rotated)',
  },
  VAULT_DECRYPT_FAILED: { httpStatus: 500, description: 'A sealed secret could not be opened' },
  INTERNAL: { httpStatus: 500, description: 'An unexpected failure (details are in the log)' },
} as const satisfies Record<string, { httpStatus: number; description: string }>;

export type KeywardErrorCode = keyof typeof ERROR_CODES;

export const KEYWARD_ERROR_CODES = Object.keys(ERROR_CODES) as KeywardErrorCode[];

/** Options of {@link KeywardError}; `details` must be safe to show to the caller. */
export interface KeywardErrorOptions {
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * A domain or peer failure with a stable `code`. Caller bugs are `TypeError`s instead
 * (house-style.md §5). The message says what was received and what was expected, never a secret.
 */
export class KeywardError extends Error {
  readonly code: KeywardErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: KeywardErrorCode, message: string, options: KeywardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KeywardError';
    this.code = code;
    if (options.details !== undefined) this.details = options.details;
  }
}

export function isKeywardError(value: unknown): value is KeywardError {
  return value instanceof KeywardError;
}

/** The wire shape of an error (HTTP body `error`, NATS reply `error`). */
export interface ErrorBody {
  code: KeywardErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * Turns any thrown value into a wire-safe body: a KeywardError keeps its code, message and
 * details (secret-named keys dropped as a last line of defence); anything else becomes INTERNAL
 * with a generic message, because its text may carry internals. Never includes a stack.
 */
export function toErrorBody(error: unknown): ErrorBody {
  if (!isKeywardError(error)) return { code: 'INTERNAL', message: 'Internal error' };
  const body: ErrorBody = { code: error.code, message: error.message };
  if (error.details !== undefined)
    body.details = dropSecrets(error.details) as Record<string, unknown>;
  return body;
}

/** Rebuilds a KeywardError from a wire body (the inverse of toErrorBody, for clients). */
export function fromErrorBody(body: ErrorBody): KeywardError {
  return new KeywardError(body.code, body.message, body.details ? { details: body.details } : {});
}

function dropSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => dropSecrets(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!isSecretFieldName(key)) out[key] = dropSecrets(item, depth + 1);
  }
  return out;
}
