export { type AssociatedData, FORMAT as SEALED_RECORD_FORMAT } from './aead.ts';
export { EnvelopeOpenError, type EnvelopeOpenReason } from './envelopeOpenError.ts';
export { kekFingerprint } from './kekFingerprint.ts';
export { type OpenOptions, open, openText } from './open.ts';
export { type RewrapOptions, rewrap } from './rewrap.ts';
export { type SealOptions, seal } from './seal.ts';
export type { SealedRecord } from './sealedRecord.ts';
