import {
  createCipheriv,
  createDecipheriv,
  diffieHellman,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { type SealedValue, sealedValueSchema } from '@keyward/contracts';
import { AEAD } from '../aead.ts';
import { SealedValueOpenError } from './sealedValueOpenError.ts';
import { encodeContext, type TransportContext } from './transportContext.ts';
import {
  generateTransportKeyPair,
  importTransportPublicKey,
  type TransportKeyPair,
} from './transportKeys.ts';

/** Options of {@link sealToRecipient}. */
export interface SealToRecipientOptions {
  /** The recipient's X25519 public key, base64url. */
  recipient: string;
  context: TransportContext;
}

/**
 * The AES-256-GCM key for one value: HKDF-SHA256 over the X25519 shared secret, salted with
 * both public keys (sender's then recipient's), `info` the encoded context.
 */
function valueKey(shared: Buffer, epk: string, rpk: string, info: Buffer): Buffer {
  const salt = Buffer.concat([Buffer.from(epk, 'base64url'), Buffer.from(rpk, 'base64url')]);
  return Buffer.from(hkdfSync('sha256', shared, salt, info, AEAD.keyBytes));
}

/**
 * Seals a secret to one recipient key for one context (ADR 0007): a fresh ephemeral X25519 key
 * per value, so two seals of one PIN share nothing and the sender keeps no key.
 */
export function sealToRecipient(
  plaintext: string | Uint8Array,
  { recipient, context }: SealToRecipientOptions,
): SealedValue {
  const info = encodeContext(context);
  const recipientKey = importTransportPublicKey(recipient);
  const ephemeral = generateTransportKeyPair();
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipientKey });
  const key = valueKey(shared, ephemeral.publicKey, recipient, info);
  shared.fill(0);
  const bytes =
    typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : Buffer.from(plaintext);
  const iv = randomBytes(AEAD.ivBytes);
  const cipher = createCipheriv(AEAD.algorithm, key, iv, { authTagLength: AEAD.tagBytes });
  cipher.setAAD(info);
  const ct = Buffer.concat([cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
  key.fill(0);
  bytes.fill(0);
  return {
    v: 1,
    epk: ephemeral.publicKey,
    iv: iv.toString('base64url'),
    ct: ct.toString('base64url'),
  };
}

/** Options of {@link openSealed}. */
export interface OpenSealedOptions {
  /** The recipient's key pair (a reply key, or the derived transport key). */
  recipient: Pick<TransportKeyPair, 'privateKey' | 'publicKey'>;
  context: TransportContext;
}

/** Opens a sealed value to bytes (the caller zeroes them); any failure: SealedValueOpenError. */
export function openSealed(sealed: unknown, options: OpenSealedOptions): Buffer {
  const { recipient, context } = options;
  const { privateKey, publicKey } = recipient;
  const where = `sealed ${context.field} of ${context.subject}`;
  const parsed = sealedValueSchema.safeParse(sealed);
  if (!parsed.success) {
    throw new SealedValueOpenError('malformed', `${where} is not a v1 sealed value`, {
      details: { field: context.field },
    });
  }
  const { epk, iv, ct } = parsed.data;
  const info = encodeContext(context);
  const body = Buffer.from(ct, 'base64url');
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey: importTransportPublicKey(epk) });
  } catch (cause) {
    // A low-order or non-canonical sender key (RFC 7748 §6.1: all-zero shared secret).
    throw new SealedValueOpenError('malformed', `${where} has an unusable sender key`, {
      cause,
      details: { field: context.field },
    });
  }
  const key = valueKey(shared, epk, publicKey, info);
  shared.fill(0);
  try {
    const decipher = createDecipheriv(AEAD.algorithm, key, Buffer.from(iv, 'base64url'), {
      authTagLength: AEAD.tagBytes,
    });
    decipher.setAAD(info);
    decipher.setAuthTag(body.subarray(body.length - AEAD.tagBytes));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - AEAD.tagBytes)),
      decipher.final(),
    ]);
  } catch {
    throw new SealedValueOpenError(
      'authentication-failed',
      `${where} failed authentication (sealed to another key or context, or tampered with)`,
      { details: { field: context.field } },
    );
  } finally {
    key.fill(0);
  }
}

/** Opens a sealed UTF-8 secret (a PIN, a bearer token). */
export function openSealedText(sealed: unknown, options: OpenSealedOptions): string {
  const bytes = openSealed(sealed, options);
  const text = bytes.toString('utf8');
  bytes.fill(0);
  return text;
}
