export { type AssociatedData, FORMAT as SEALED_RECORD_FORMAT } from './aead.ts';
export { EnvelopeOpenError, type EnvelopeOpenReason } from './envelopeOpenError.ts';
export { kekFingerprint } from './kekFingerprint.ts';
export { type OpenOptions, open, openText } from './open.ts';
export { type RewrapOptions, rewrap } from './rewrap.ts';
export { type SealOptions, seal } from './seal.ts';
export type { SealedRecord } from './sealedRecord.ts';
export {
  SealedValueOpenError,
  type SealedValueOpenReason,
} from './transport/sealedValueOpenError.ts';
export {
  type OpenSealedOptions,
  openSealed,
  openSealedText,
  type SealToRecipientOptions,
  sealToRecipient,
} from './transport/sealToRecipient.ts';
export { TRANSPORT_LABEL, type TransportContext } from './transport/transportContext.ts';
export {
  type DeriveTransportKeyOptions,
  deriveTransportKeyPair,
  generateTransportKeyPair,
  type TransportKeyPair,
  transportKeyId,
} from './transport/transportKeys.ts';
