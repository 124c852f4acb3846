import { type KeyedSealedValue, KeywardError, type SealedValue } from '@keyward/contracts';
import {
  deriveTransportKeyPair,
  openSealedText,
  sealToRecipient,
  type TransportKeyPair,
} from '@keyward/secret-envelope';

/** HKDF label of the policy's transport key: distinct from every other use of the KEK. */
export const POLICY_TRANSPORT_KEY_LABEL = 'keyward policy transport key v1';

/** Where a sealed field travels (ADR 0007): bound into every seal. */
export interface FieldContext {
  subject: string;
  serial: string;
  field: string;
  /** The request's reply key, for fields of the request; absent for fields of a reply. */
  replyKey?: string;
}

/** The policy's side of ADR 0007: opens request secrets, seals reply secrets. */
export interface PolicyTransport {
  readonly key: TransportKeyPair;
  /** SEALING_KEY_UNKNOWN for another `kid` (rotated KEK); SEALED_VALUE_INVALID if it won't open. */
  open(sealed: KeyedSealedValue, context: FieldContext): string;
  seal(value: string | Uint8Array, to: string, context: FieldContext): SealedValue;
}

/**
 * The transport key every policy replica derives alike from the vault's KEK (HKDF-SHA256 under
 * its own label, never the KEK itself), so a request a queue group hands to any replica opens.
 */
export function policyTransport(kek: Uint8Array): PolicyTransport {
  const key = deriveTransportKeyPair({ secret: kek, label: POLICY_TRANSPORT_KEY_LABEL });
  return {
    key,
    open(sealed, context) {
      if (sealed.kid !== key.keyId) {
        throw new KeywardError(
          'SEALING_KEY_UNKNOWN',
          `${context.field} was sealed to transport key ${sealed.kid}, this service holds ${key.keyId}: fetch keyward.policy.sealing-key again`,
          { details: { field: context.field, kid: sealed.kid, keyId: key.keyId } },
        );
      }
      return openSealedText(sealed, { recipient: key, context });
    },
    seal(value, to, context) {
      return sealToRecipient(value, { recipient: to, context });
    },
  };
}
