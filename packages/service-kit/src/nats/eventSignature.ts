import { mayPublishEvent, type RosterEntry } from '@keyward/bus-identity';
import { KeywardError } from '@keyward/contracts';
import type { BusContext } from './busContext.ts';

/** The header holding an event's detached JWS (RFC 7515 appendix F; EdDSA, RFC 8037). */
export const EVENT_SIGNATURE_HEADER = 'Keyward-Signature';

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const encoder = new TextEncoder();

/**
 * A compact JWS with detached payload over exactly the published bytes, signed with the
 * publisher's bus nkey (Ed25519). `kid` names the bus identity; the subject is in the
 * protected header so a signed event cannot be replayed onto another subject.
 */
export function signEvent(context: BusContext, subject: string, payload: Uint8Array): string {
  const header = b64url(JSON.stringify({ alg: 'EdDSA', kid: context.identity.name, sub: subject }));
  const signature = context.sign(encoder.encode(`${header}.${b64url(payload)}`));
  return `${header}..${b64url(signature)}`;
}

/**
 * The roster entry that signed an event, after checking that the signature verifies, that it
 * was made for this subject and that the signer's role owns the subject. Anything else throws
 * EVENT_SIGNATURE_INVALID with the reason (the consumer dead-letters it).
 */
export function verifyEventSignature(
  context: BusContext,
  subject: string,
  payload: Uint8Array,
  jws: string | undefined,
): RosterEntry {
  const fail = (reason: string) => new KeywardError('EVENT_SIGNATURE_INVALID', reason);
  if (!jws) throw fail(`event on ${subject} is not signed`);
  const [header = '', detached, signature = ''] = jws.split('.');
  if (detached !== '') throw fail('signature is not a detached compact JWS');
  let protectedHeader: { alg?: unknown; kid?: unknown; sub?: unknown };
  try {
    protectedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    throw fail('signature header is not base64url JSON');
  }
  const { alg, kid, sub } = protectedHeader;
  if (alg !== 'EdDSA') throw fail(`signature alg ${String(alg)} is not EdDSA`);
  const entry = typeof kid === 'string' ? context.lookup(kid) : undefined;
  if (!entry) throw fail(`signer "${String(kid)}" is not in the bus roster`);
  if (sub !== subject) throw fail(`signed for ${String(sub)}, published on ${subject}`);
  const input = encoder.encode(`${header}.${b64url(payload)}`);
  if (!context.verify(entry, input, Buffer.from(signature, 'base64url'))) {
    throw fail(`signature of "${entry.name}" does not verify`);
  }
  if (!mayPublishEvent(entry.role, subject)) {
    throw fail(`"${entry.name}" (${entry.role}) does not own ${subject}`);
  }
  return entry;
}
