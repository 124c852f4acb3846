/**
 * @keyward/ctap: CTAP 2.1 host library. Layers: transports (HID over node-hid or memory,
 * PC/SC) → CTAPHID framing / APDUs → CTAP2 commands → PIN/UV auth protocols → operations.
 * The gateway calls the operations; the rest is exported for tools and tests.
 */

// Constants applications use
export { CtapStatus, ctapStatusName, KeepaliveStatus, PinUvPermission } from './constants.ts';
// CTAP2 commands
export {
  type AttestedCredentialData,
  type AuthenticatorData,
  parseAuthenticatorData,
} from './ctap2/authData.ts';
export {
  ClientPin,
  type PinToken,
  preferredProtocol,
  type TokenRequest,
} from './ctap2/clientPin.ts';
export { Config, type SetMinPinLengthOptions } from './ctap2/config.ts';
export { coseToKeyObject, verifyCoseSignature } from './ctap2/cose.ts';
export {
  CredentialManagement,
  type CredentialSummary,
  type RpSummary,
} from './ctap2/credentialManagement.ts';
export { Ctap2, type SendOptions } from './ctap2/ctap2.ts';
export {
  type AssertionResponse,
  type GetAssertionRequest,
  getAssertion as ctap2GetAssertion,
  getNextAssertion,
} from './ctap2/getAssertion.ts';
export { type AlgorithmDescriptor, type CtapInfo, isCtap21, parseInfo } from './ctap2/info.ts';
export {
  type CredentialDescriptor,
  type MakeCredentialRequest,
  type MakeCredentialResponse,
  makeCredential as ctap2MakeCredential,
} from './ctap2/makeCredential.ts';
// Device interface and transports
export type { CallOptions, CtapDevice, DeviceDescriptor, TransportKind } from './device.ts';
// Errors
export {
  type AnyCtapError,
  CancelledError,
  CtapError,
  type CtapErrorCode,
  CtapLibraryError,
  CtapTimeoutError,
  DeviceBusyError,
  DeviceGoneError,
  isCtapLibraryError,
  ProtocolError,
  UnsupportedError,
} from './errors.ts';
export {
  CtapHidConnection,
  type HidConnectionOptions,
  type ReportPipe,
} from './hid/hidConnection.ts';
export { HidCtapDevice } from './hid/hidDevice.ts';
export { FidoHidUsage, type HidDeviceInfo, listHidDevices, openHidDevice } from './hid/nodeHid.ts';
export { type MemoryHidEndpoint, type MemoryHidOptions, MemoryHidTransport } from './memory.ts';
// Operations (what the gateway calls)
export {
  type AdminUnlockOptions,
  type AdminUnlockResult,
  adminUnlock,
} from './operations/adminUnlock.ts';
export {
  type ApplyConfigOptions,
  type ApplyConfigResult,
  applyConfig,
  type ConfigSecrets,
  type ConfigStep,
  type StepOutcome,
} from './operations/applyConfig.ts';
export { type ChangePinOptions, type ChangePinResult, changePin } from './operations/changePin.ts';
export type { OperationOptions } from './operations/common.ts';
export {
  type GetAssertionOptions,
  type GetAssertionResult,
  getAssertion,
  type RequestOptionsJSON,
} from './operations/getAssertion.ts';
export {
  type CreationOptionsJSON,
  type MakeCredentialOptions,
  type MakeCredentialResult,
  makeCredential,
} from './operations/makeCredential.ts';
export {
  type DeviceCapabilities,
  type DeviceReport,
  type InfoSummary,
  readDevice,
} from './operations/readDevice.ts';
export {
  type RemoteUnlockOptions,
  type RemoteUnlockResult,
  remoteUnlock,
} from './operations/remoteUnlock.ts';
export { type ResetOptions, type ResetResult, reset } from './operations/reset.ts';
export { type SetPinOptions, type SetPinResult, setPin } from './operations/setPin.ts';
export { PcscCtapDevice, type PcscDeviceOptions } from './pcsc/pcscDevice.ts';
export type { PcscCard, PcscEvent, PcscReaderState } from './pcsc/pcscLite.ts';
export { PcscTransport } from './pcsc/pcscTransport.ts';
export { PinProtocolV1, PinProtocolV2, type PinUvAuthProtocol } from './pin/protocol.ts';
// Vendor profiles
export { defaultVendorProfiles, keywardSimProfile } from './vendor/keywardSim.ts';
export {
  KeywardSimAaguid,
  type KeywardSimProfile,
  remoteUnlockResponse,
} from './vendor/keywardSimProtocol.ts';
export {
  type AdminPinStatus,
  findVendorProfile,
  type VendorProfile,
} from './vendor/vendorProfile.ts';
export { type DeviceEvent, DeviceWatcher, type DeviceWatcherOptions } from './watcher.ts';
