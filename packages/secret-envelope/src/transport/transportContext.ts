/**
 * What a sealed value is for. Every component is bound into the HKDF `info` and the AES-GCM
 * AAD, so a value sealed for one request, device or field does not open as another.
 */
export interface TransportContext {
  /** The NATS subject of the request the value travels in (or answers), e.g. `keyward.policy.plan`. */
  subject: string;
  /** The device the secret belongs to; `''` when the request is about no one device. */
  serial: string;
  /** Which field of the request or reply, e.g. `userPin`, `authorization`. */
  field: string;
  /**
   * The reply key of the request, for values sent alongside one (a bearer token): a copy of the
   * value in a request with a substituted reply key does not open. Default `''`.
   */
  replyKey?: string;
}

/** Construction label: the first component of `info` and of the AAD (ADR 0007). */
export const TRANSPORT_LABEL = 'keyward-transport-v1';

/** `label \0 subject \0 serial \0 field \0 replyKey`; NUL inside a component is refused. */
export function encodeContext(context: TransportContext): Buffer {
  const parts = [context.subject, context.serial, context.field, context.replyKey ?? ''];
  if (context.subject === '' || context.field === '') {
    throw new TypeError('transport context needs a subject and a field');
  }
  if (parts.some((p) => p.includes('\0'))) {
    throw new TypeError('transport context components must not contain NUL');
  }
  return Buffer.from([TRANSPORT_LABEL, ...parts].join('\0'), 'utf8');
}
