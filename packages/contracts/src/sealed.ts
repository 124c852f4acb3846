import { z } from 'zod';

// A secret crossing the bus sealed to the one process that needs it (ADR 0007): X25519 ECDH
// with a fresh sender key per value, HKDF-SHA256, AES-256-GCM, the purpose bound as `info`
// and AAD. @keyward/secret-envelope seals and opens; the contracts only describe the wire form.

const b64url = (bytes: number) =>
  z
    .string()
    .length(Math.ceil((bytes * 4) / 3))
    .regex(/^[A-Za-z0-9_-]+$/, 'expected base64url without padding');

/** An X25519 public key: 32 bytes as 43 base64url characters (RFC 7748 §5). */
export const transportPublicKeySchema = b64url(32);

/**
 * A sealed value: `v` the construction's version, `epk` the sender's ephemeral X25519 public
 * key, `iv` the 12-byte AES-GCM IV, `ct` ciphertext ‖ 16-byte tag (all base64url). At most 8 KiB
 * of plaintext: PINs, unlock responses and bearer tokens only.
 */
export const sealedValueSchema = z.object({
  v: z.literal(1),
  epk: transportPublicKeySchema,
  iv: b64url(12),
  ct: z
    .string()
    .min(22)
    .max(10_944)
    .regex(/^[A-Za-z0-9_-]+$/, 'expected base64url without padding'),
});
export type SealedValue = z.infer<typeof sealedValueSchema>;

/** A sealing key's id: the first 16 bytes of SHA-256 over its public key, base64url. */
export const sealingKeyIdSchema = b64url(16);

/**
 * A value sealed to a long-lived recipient key (the policy's transport key): the sealed value
 * and the id of the key it was sealed to, so a rotated key is told apart from a tampered value.
 */
export const keyedSealedValueSchema = sealedValueSchema.extend({ kid: sealingKeyIdSchema });
export type KeyedSealedValue = z.infer<typeof keyedSealedValueSchema>;
