/**
 * @keyward/authenticator-sim: a software CTAP 2.1 security key with an in-process CTAPHID
 * endpoint and a vpcd (PC/SC) card bridge.
 */

export { KeywardSimAaguid, KeywardVendorCmd } from '@keyward/ctap/internal';
export { generateAttestationMaterial } from './authenticator/attestationCa.ts';
export {
  type Clock,
  createManualClock,
  createSystemClock,
  type ManualClock,
  type TimerHandle,
} from './authenticator/clock.ts';
export type { AuthenticatorEvent } from './authenticator/context.ts';
export {
  DEFAULT_PRESENCE_TIMEOUT_MS,
  type PresenceOutcome,
  type PresencePolicy,
  presence,
} from './authenticator/presence.ts';
export {
  getProfile,
  PROFILE_NAMES,
  PROFILES,
  type Profile,
  type ProfileName,
} from './authenticator/profiles.ts';
export {
  type AttestationMaterial,
  type AuthenticatorState,
  loadState,
  type StoredCredential,
  saveState,
} from './authenticator/state.ts';
export {
  type CreateAuthenticatorOptions,
  createAuthenticator,
  type LatencyProfile,
  type RequestOptions,
  type VirtualAuthenticator,
} from './authenticator/virtualAuthenticator.ts';
export {
  buildCommandApdu,
  type CommandApdu,
  parseCommandApdu,
  responseApdu,
} from './transport/apdu.ts';
export {
  type CtapHidEndpoint,
  type CtapHidEndpointOptions,
  createCtapHidEndpoint,
} from './transport/ctaphid.ts';
export { createFidoApplet, type FidoApplet } from './transport/fidoApplet.ts';
export { buildHidReports, type HidPacket, parseHidReport } from './transport/hidFrames.ts';
export {
  type AttachToVpcdOptions,
  attachToVpcd,
  VPCD_ATR,
  VPCD_DEFAULT_PORT,
  type VpcdCard,
} from './transport/vpcd.ts';
