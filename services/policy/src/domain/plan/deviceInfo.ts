import type { ConfigStep, InfoSummary } from '@keyward/contracts';

// The getInfo summary and the step union are contracts (shared with the gateway and
// @keyward/ctap applyConfig); this file names the parts the planner works with.

export type { ConfigStep, InfoSummary };

/** Vendor admin PIN state read by the gateway through the vendor profile (not in getInfo). */
export type AdminPinState = 'absent' | 'not-set' | 'set';

/** A policy requirement the key cannot meet, and why. */
export type UnsupportedOp =
  | ConfigStep['op']
  | 'disableEnterpriseAttestation'
  | 'credProtect'
  | 'residentKey'
  | 'credentialManagement';

export interface Unsupported {
  op: UnsupportedOp;
  reason: string;
}

/** CTAP 2.1 §6.4: minPINLength defaults to 4 when the key does not report it. */
export const DEFAULT_MIN_PIN_LENGTH = 4;
