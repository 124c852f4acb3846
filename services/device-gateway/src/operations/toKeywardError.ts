import { isKeywardError, KeywardError, type KeywardErrorCode } from '@keyward/contracts';

/** @keyward/ctap error codes → Keyward codes (ctap may not depend on contracts). */
const CTAP_CODES: Record<string, KeywardErrorCode> = {
  CTAP_ERROR: 'CTAP_ERROR',
  DEVICE_GONE: 'DEVICE_GONE',
  CTAP_TIMEOUT: 'TIMEOUT',
  CANCELLED: 'DEVICE_GONE',
  PROTOCOL_ERROR: 'CTAP_ERROR',
  UNSUPPORTED: 'UNSUPPORTED',
  DEVICE_BUSY: 'DEVICE_BUSY',
};

/**
 * The gateway's single translation point for failures of a device operation: KeywardErrors
 * pass through, ctap library errors keep their message and safe details under a Keyward code,
 * anything else becomes INTERNAL (its text may carry internals, so it is not shown).
 */
export function toKeywardError(error: unknown): KeywardError {
  if (isKeywardError(error)) return error;
  const e = error as { code?: unknown; message?: unknown; details?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? CTAP_CODES[e.code] : undefined;
  if (code) {
    const details =
      typeof e?.details === 'object' && e.details !== null
        ? (e.details as Record<string, unknown>)
        : undefined;
    return new KeywardError(code, String(e?.message ?? code), {
      cause: error,
      ...(details ? { details } : {}),
    });
  }
  return new KeywardError('INTERNAL', 'unexpected failure during the device operation', {
    cause: error,
  });
}
