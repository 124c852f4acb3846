/**
 * Authenticator data (WebAuthn §6.1): rpIdHash ‖ flags ‖ signCount (BE) ‖ attested credential
 * data ‖ extensions. The signature counter is global and grows by one per signature.
 */
import { createHash } from 'node:crypto';
import { AuthDataFlag, type CborMap, concatBytes, encodeCanonical } from '@keyward/ctap/internal';
import type { CommandContext } from './context.ts';

export function rpIdHash(rpId: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(rpId, 'utf8').digest());
}

export function nextSignCount(ctx: CommandContext): number {
  ctx.state.signCount = (ctx.state.signCount + 1) >>> 0;
  return ctx.state.signCount;
}

export function buildAuthData(options: {
  rpId: string;
  flags: number;
  signCount: number;
  attested?: { aaguid: Uint8Array; credentialId: Uint8Array; publicKey: CborMap } | undefined;
  extensions?: CborMap | undefined;
}): Uint8Array {
  const { rpId, signCount, attested, extensions } = options;
  let flags = options.flags;
  if (attested) flags |= AuthDataFlag.AT;
  if (extensions && extensions.size > 0) flags |= AuthDataFlag.ED;
  const head = new Uint8Array(37);
  head.set(rpIdHash(rpId), 0);
  head[32] = flags;
  new DataView(head.buffer).setUint32(33, signCount);
  const parts: Uint8Array[] = [head];
  if (attested) {
    const len = new Uint8Array(2);
    new DataView(len.buffer).setUint16(0, attested.credentialId.length);
    parts.push(attested.aaguid, len, attested.credentialId, encodeCanonical(attested.publicKey));
  }
  if (extensions && extensions.size > 0) parts.push(encodeCanonical(extensions));
  return concatBytes(...parts);
}
