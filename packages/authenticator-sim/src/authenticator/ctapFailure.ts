/**
 * How command handlers stop with a CTAP status: `throw fail('CTAP2_ERR_PIN_INVALID')`. The
 * dispatcher turns it into the status byte; it never leaves the authenticator.
 */
import { CtapStatus, type CtapStatusName } from '@keyward/ctap/internal';

export class CtapFailure extends Error {
  override readonly name = 'CtapFailure';
  readonly status: number;
  readonly statusName: CtapStatusName;

  constructor(statusName: CtapStatusName, message?: string) {
    super(message ?? statusName);
    this.statusName = statusName;
    this.status = CtapStatus[statusName];
  }
}

export function fail(statusName: CtapStatusName, message?: string): CtapFailure {
  return new CtapFailure(statusName, message);
}
