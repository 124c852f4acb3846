/** clientDataJSON (WebAuthn §5.8.1) as a browser would build it, and its SHA-256. */
import { createHash } from 'node:crypto';

export function buildClientData(
  type: 'webauthn.create' | 'webauthn.get',
  challenge: string,
  origin: string,
) {
  // Key order as browsers emit it: type, challenge, origin, crossOrigin.
  const json = JSON.stringify({ type, challenge, origin, crossOrigin: false });
  const bytes = new TextEncoder().encode(json);
  return { json: bytes, hash: new Uint8Array(createHash('sha256').update(bytes).digest()) };
}

/** The RP ID: given, or the origin's host (WebAuthn §5.1.3 step 8). */
export function rpIdFor(origin: string, rpId?: string): string {
  if (rpId) return rpId;
  try {
    return new URL(origin).hostname;
  } catch {
    throw new TypeError(`origin: expected a URL such as https://example.com, received "${origin}"`);
  }
}
