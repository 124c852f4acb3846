/**
 * The typed errors of the host library. Every failure that reaches a caller is one of these, each
 * with a stable string `code`, a message an administrator can act on, and `cause` chained.
 * Messages never contain a PIN, token or key.
 *
 * packages/ctap may not depend on packages/contracts (docs/ARCHITECTURE.md), so these extend a
 * local base; the gateway maps `code` onto KeywardError codes at its edge.
 */
import { ByteReaderError } from './byteReader.ts';
import { CborDecodeError, CborSchemaError } from './cbor.ts';
import { CtapStatus, ctapStatusName } from './constants.ts';
import { PinProtocolError } from './pin/keyAgreement.ts';

export type CtapErrorCode =
  | 'CTAP_ERROR'
  | 'DEVICE_GONE'
  | 'CTAP_TIMEOUT'
  | 'CANCELLED'
  | 'PROTOCOL_ERROR'
  | 'UNSUPPORTED'
  | 'DEVICE_BUSY';

/** Base of every error this package throws on purpose. */
export abstract class CtapLibraryError extends Error {
  abstract readonly code: CtapErrorCode;
  /** Safe to log and to put on the wire. */
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.details = details;
  }
}

const S = CtapStatus;

/** Sentences for the statuses an administrator meets; others fall back to the spec name. */
const STATUS_SENTENCES: Partial<Record<number, string>> = {
  [S.CTAP1_ERR_INVALID_COMMAND]: 'The key does not know this command',
  [S.CTAP1_ERR_INVALID_PARAMETER]: 'The key rejected a parameter of the request',
  [S.CTAP1_ERR_INVALID_LENGTH]: 'The key rejected the length of the request',
  [S.CTAP1_ERR_TIMEOUT]: 'The key timed out while receiving the request',
  [S.CTAP1_ERR_CHANNEL_BUSY]: 'The key is busy with another application; try again',
  [S.CTAP2_ERR_MISSING_PARAMETER]: 'The request lacked a parameter the key requires',
  [S.CTAP2_ERR_CREDENTIAL_EXCLUDED]: 'The key already holds a credential for this account',
  [S.CTAP2_ERR_UNSUPPORTED_ALGORITHM]: 'The key supports none of the requested algorithms',
  [S.CTAP2_ERR_OPERATION_DENIED]: 'The user declined the request on the key',
  [S.CTAP2_ERR_KEY_STORE_FULL]: 'The key has no room for another passkey',
  [S.CTAP2_ERR_UNSUPPORTED_OPTION]: 'The key does not support a requested option',
  [S.CTAP2_ERR_INVALID_OPTION]: 'The key rejected a requested option',
  [S.CTAP2_ERR_KEEPALIVE_CANCEL]: 'The request was cancelled',
  [S.CTAP2_ERR_NO_CREDENTIALS]: 'The key holds no matching credential',
  [S.CTAP2_ERR_USER_ACTION_TIMEOUT]: 'Nobody touched the key in time',
  [S.CTAP2_ERR_NOT_ALLOWED]:
    'The key refused the request in its current state (a reset is only allowed within 10 seconds of plugging the key in)',
  [S.CTAP2_ERR_PIN_INVALID]: 'The PIN is wrong',
  [S.CTAP2_ERR_PIN_BLOCKED]:
    'The PIN is blocked; the key must be reset or unlocked with the admin PIN',
  [S.CTAP2_ERR_PIN_AUTH_INVALID]: 'The key rejected the PIN authentication (stale or wrong token)',
  [S.CTAP2_ERR_PIN_AUTH_BLOCKED]:
    'Too many wrong PINs in a row; unplug and re-insert the key before trying again',
  [S.CTAP2_ERR_PIN_NOT_SET]: 'The key has no PIN set',
  [S.CTAP2_ERR_PUAT_REQUIRED]: 'The key requires the PIN for this request',
  [S.CTAP2_ERR_PIN_POLICY_VIOLATION]: "The new PIN does not meet the key's PIN policy",
  [S.CTAP2_ERR_REQUEST_TOO_LARGE]: 'The request is too large for the key',
  [S.CTAP2_ERR_ACTION_TIMEOUT]: 'The key timed out waiting for the user',
  [S.CTAP2_ERR_UP_REQUIRED]: 'The key requires a touch for this request',
  [S.CTAP2_ERR_UV_BLOCKED]: 'Built-in user verification is blocked on the key',
  [S.CTAP2_ERR_INVALID_SUBCOMMAND]: 'The key does not support this subcommand',
  [S.CTAP2_ERR_UNAUTHORIZED_PERMISSION]: 'The key refused a permission the PIN token asked for',
  [S.CTAP1_ERR_OTHER]: 'The key reported an unspecified error',
};

export type CtapErrorContext = {
  /** The command that failed, e.g. "clientPin.changePin". */
  command?: string;
  /** PIN retries left, when known (PIN_INVALID). */
  retries?: number;
};

/** The authenticator answered with a non-zero CTAP status byte (CTAP 2.1 §8.2.1). */
export class CtapError extends CtapLibraryError {
  override readonly name = 'CtapError';
  readonly code = 'CTAP_ERROR' as const;
  readonly status: number;
  /** Spec name, e.g. "CTAP2_ERR_PIN_INVALID"; unknown codes keep their hex value. */
  readonly statusName: string;
  readonly command: string | undefined;
  readonly retries: number | undefined;

  constructor(status: number, context: CtapErrorContext = {}, options?: ErrorOptions) {
    const statusName = ctapStatusName(status);
    let sentence = STATUS_SENTENCES[status] ?? `The key answered ${statusName}`;
    if (status === S.CTAP2_ERR_PIN_INVALID && context.retries !== undefined) {
      sentence += ` (${context.retries} ${context.retries === 1 ? 'retry' : 'retries'} left)`;
    }
    const where = context.command ? ` [${context.command}: ${statusName}]` : ` [${statusName}]`;
    super(`${sentence}${where}`, { status, statusName, ...context }, options);
    this.status = status;
    this.statusName = statusName;
    this.command = context.command;
    this.retries = context.retries;
  }

  /** A copy with the retry counter known (the message then says how many are left). */
  withRetries(retries: number): CtapError {
    return new CtapError(this.status, { command: this.command, retries }, { cause: this.cause });
  }
}

/** The device was unplugged, the card removed, or the link closed under a pending request. */
export class DeviceGoneError extends CtapLibraryError {
  override readonly name = 'DeviceGoneError';
  readonly code = 'DEVICE_GONE' as const;
  constructor(what = 'The key was removed or its connection closed', options?: ErrorOptions) {
    super(what, {}, options);
  }
}

/** No answer within the deadline (transport level; the key may be waiting for a touch). */
export class CtapTimeoutError extends CtapLibraryError {
  override readonly name = 'CtapTimeoutError';
  readonly code = 'CTAP_TIMEOUT' as const;
  readonly timeoutMs: number;
  constructor(what: string, timeoutMs: number, options?: ErrorOptions) {
    super(`${what}: no answer from the key within ${timeoutMs} ms`, { timeoutMs }, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller aborted the request through its AbortSignal. */
export class CancelledError extends CtapLibraryError {
  override readonly name = 'CancelledError';
  readonly code = 'CANCELLED' as const;
  constructor(what = 'The request was cancelled', options?: ErrorOptions) {
    super(what, {}, options);
  }
}

/** The key (or the link) sent something that breaks the protocol; `field` names where. */
export class ProtocolError extends CtapLibraryError {
  override readonly name = 'ProtocolError';
  readonly code = 'PROTOCOL_ERROR' as const;
  readonly field: string;
  constructor(field: string, message: string, options?: ErrorOptions) {
    super(`${field}: ${message}`, { field }, options);
    this.field = field;
  }
}

/** The key cannot do what was asked (a missing option, version or vendor command). */
export class UnsupportedError extends CtapLibraryError {
  override readonly name = 'UnsupportedError';
  readonly code = 'UNSUPPORTED' as const;
  readonly reason: string;
  constructor(reason: string, options?: ErrorOptions) {
    super(`unsupported by this key: ${reason}`, { reason }, options);
    this.reason = reason;
  }
}

/** The key (or its CTAPHID channel) is busy with another request or application. */
export class DeviceBusyError extends CtapLibraryError {
  override readonly name = 'DeviceBusyError';
  readonly code = 'DEVICE_BUSY' as const;
  constructor(what = 'The key is busy with another request; try again', options?: ErrorOptions) {
    super(what, {}, options);
  }
}

export type AnyCtapError =
  | CtapError
  | DeviceGoneError
  | CtapTimeoutError
  | CancelledError
  | ProtocolError
  | UnsupportedError
  | DeviceBusyError;

export function isCtapLibraryError(e: unknown): e is AnyCtapError {
  return e instanceof CtapLibraryError;
}

/**
 * The one place decoder failures become ProtocolError: CBOR, schema, byte-cursor and PIN
 * protocol errors are wrapped with `cause`; our own typed errors pass through; anything else is
 * rethrown untouched (a bug, not a peer failure).
 */
export function toProtocolError(error: unknown, context: string): unknown {
  if (error instanceof CtapLibraryError) return error;
  if (error instanceof CborSchemaError) {
    return new ProtocolError(error.field, error.message.slice(error.field.length + 2), {
      cause: error,
    });
  }
  if (
    error instanceof CborDecodeError ||
    error instanceof ByteReaderError ||
    error instanceof PinProtocolError
  ) {
    return new ProtocolError(context, error.message, { cause: error });
  }
  return error;
}

/** Runs a decoder and converts its failures with toProtocolError. */
export function decoding<T>(context: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw toProtocolError(error, context);
  }
}
