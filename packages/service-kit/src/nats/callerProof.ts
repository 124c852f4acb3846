import { createHash, randomBytes } from 'node:crypto';
import { type BusRole, REQUEST_GRANTS } from '@keyward/bus-identity';
import { KeywardError } from '@keyward/contracts';
import { type MsgHdrs, headers as natsHeaders } from '@nats-io/nats-core';
import type { BusContext } from './busContext.ts';

/** Request headers carrying the caller's proof (docs/security.md "Callers proven"). */
export const CALLER_HEADER = 'Keyward-Caller';
export const CALLER_PROOF_HEADER = 'Keyward-Caller-Proof';

/** How far a proof's clock may be from the verifier's. */
const MAX_SKEW_MS = 60_000;

/** A service identity proven by the signature on its request. */
export interface ProvenCaller {
  name: string;
  role: BusRole;
}

const encoder = new TextEncoder();

function signedBytes(subject: string, at: string, nonce: string, body: Uint8Array): Uint8Array {
  const digest = createHash('sha256').update(body).digest('base64url');
  return encoder.encode(`keyward-request-v1\n${subject}\n${at}\n${nonce}\n${digest}`);
}

/**
 * Adds the caller's name and an Ed25519 signature (its bus nkey) over the subject, a
 * timestamp, a nonce and the body, so the server learns who asks from the credentials rather
 * than from a header anyone could write.
 */
export function addCallerProof(
  h: MsgHdrs,
  context: BusContext,
  subject: string,
  body: Uint8Array,
): void {
  const at = String(Date.now());
  const nonce = randomBytes(12).toString('base64url');
  const signature = Buffer.from(context.sign(signedBytes(subject, at, nonce, body)));
  h.set(CALLER_HEADER, context.identity.name);
  h.set(CALLER_PROOF_HEADER, `${at}.${nonce}.${signature.toString('base64url')}`);
}

/**
 * Checks a request's proof: a known identity, a valid signature, a fresh timestamp, a nonce not
 * seen before, and a role allowed to call the subject (the same table the server's ACL is
 * generated from). Throws UNAUTHENTICATED or FORBIDDEN naming what failed.
 */
export class CallerVerifier {
  readonly #context: BusContext;
  readonly #seen = new Map<string, number>();

  constructor(context: BusContext) {
    this.#context = context;
  }

  verify(headers: MsgHdrs | undefined, subject: string, body: Uint8Array): ProvenCaller {
    const name = headers?.get(CALLER_HEADER) ?? '';
    const proof = headers?.get(CALLER_PROOF_HEADER) ?? '';
    if (!name || !proof) {
      throw new KeywardError('UNAUTHENTICATED', `request on ${subject} carries no caller proof`);
    }
    const entry = this.#context.lookup(name);
    if (!entry) throw new KeywardError('UNAUTHENTICATED', `unknown bus identity "${name}"`);
    const [at = '', nonce = '', signature = ''] = proof.split('.');
    const age = Math.abs(Date.now() - Number(at));
    if (!Number.isFinite(age) || age > MAX_SKEW_MS) {
      throw new KeywardError('UNAUTHENTICATED', `caller proof of "${name}" is stale or undated`);
    }
    const signed = signedBytes(subject, at, nonce, body);
    if (!this.#context.verify(entry, signed, Buffer.from(signature, 'base64url'))) {
      throw new KeywardError('UNAUTHENTICATED', `caller proof of "${name}" does not verify`);
    }
    this.#remember(`${name}.${nonce}`);
    if (entry.role !== 'operator' && !mayCall(entry.role, subject)) {
      throw new KeywardError('FORBIDDEN', `bus identity "${name}" may not call ${subject}`);
    }
    return { name: entry.name, role: entry.role };
  }

  #remember(key: string): void {
    const now = Date.now();
    if (this.#seen.has(key)) throw new KeywardError('UNAUTHENTICATED', 'caller proof replayed');
    this.#seen.set(key, now);
    // Entries older than twice the skew can no longer pass the freshness check: drop them.
    if (this.#seen.size > 1_000) {
      for (const [k, t] of this.#seen) if (now - t > 2 * MAX_SKEW_MS) this.#seen.delete(k);
    }
  }
}

function mayCall(role: BusRole, subject: string): boolean {
  return REQUEST_GRANTS.some(
    (g) => matches(g.subject, subject) && (g.callers as readonly string[]).includes(role),
  );
}

/** NATS token match where the pattern may hold `*` tokens (gateway ids). */
function matches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  return p.length === s.length && p.every((token, i) => token === '*' || token === s[i]);
}

/** Headers proving `context` sent `body` on `subject` (for raw `nc.request` calls in tools and tests). */
export function callerProofHeaders(
  context: BusContext,
  subject: string,
  body: Uint8Array,
): MsgHdrs {
  const h = natsHeaders();
  addCallerProof(h, context, subject, body);
  return h;
}
