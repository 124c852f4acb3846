/**
 * Finding credentials: by descriptor (allowList / excludeList / credentialManagement) among the
 * discoverable ones and inside wrapped credential IDs, and reading WebAuthn dictionaries.
 */
import { type CborMap, type CborValue, cbor } from '@keyward/ctap/internal';
import { rpIdHash } from './authData.ts';
import type { CommandContext } from './context.ts';
import { unwrapCredentialId } from './credentialId.ts';
import type { CredentialAlg } from './credentialKey.ts';
import { fail } from './ctapFailure.ts';
import { b64, type StoredCredential } from './state.ts';

export type FoundCredential = {
  id: Uint8Array;
  rpId: string;
  alg: CredentialAlg;
  privateKey: Uint8Array;
  credProtect: 1 | 2 | 3;
  stored: StoredCredential | undefined;
};

/** Reads an array of PublicKeyCredentialDescriptor maps ({id, type, transports?}). */
export function readDescriptors(list: CborValue[], field: string): Uint8Array[] {
  return list.map((item, i) => {
    if (!(item instanceof Map)) {
      throw fail('CTAP2_ERR_CBOR_UNEXPECTED_TYPE', `${field}[${i}] is not a map`);
    }
    cbor.reqText(item, 'type', `${field}[${i}].type`);
    return cbor.reqBytes(item, 'id', `${field}[${i}].id`);
  });
}

export function fromStored(stored: StoredCredential): FoundCredential {
  return {
    id: b64.decode(stored.id),
    rpId: stored.rpId,
    alg: stored.alg,
    privateKey: b64.decode(stored.privateKey),
    credProtect: stored.credProtect,
    stored,
  };
}

/** The credential with this ID for this RP, or undefined. */
export function findCredential(
  ctx: CommandContext,
  rpId: string,
  id: Uint8Array,
): FoundCredential | undefined {
  const idText = b64.encode(id);
  const stored = ctx.state.credentials.find((c) => c.id === idText && c.rpId === rpId);
  if (stored) return fromStored(stored);
  const wrapped = unwrapCredentialId(b64.decode(ctx.state.masterKey), rpIdHash(rpId), id);
  // A discoverable credential that is no longer stored was deleted: its ID is dead too.
  if (!wrapped || wrapped.discoverable) return undefined;
  return { id, rpId, ...wrapped, stored: undefined };
}

export function findStoredById(ctx: CommandContext, id: Uint8Array): StoredCredential | undefined {
  const idText = b64.encode(id);
  return ctx.state.credentials.find((c) => c.id === idText);
}

/** The WebAuthn user entity as CBOR, with name/displayName only when `identifying`. */
export function userEntity(stored: StoredCredential, identifying: boolean): CborMap {
  const user = new Map<string, CborValue>([['id', b64.decode(stored.user.id)]]);
  if (identifying) {
    if (stored.user.name !== undefined) user.set('name', stored.user.name);
    if (stored.user.displayName !== undefined) user.set('displayName', stored.user.displayName);
  }
  return user;
}

export function credentialDescriptor(id: Uint8Array): CborMap {
  return new Map<string, CborValue>([
    ['id', id],
    ['type', 'public-key'],
  ]);
}
