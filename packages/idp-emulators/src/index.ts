export { type Clock, manualClock, systemClock } from './common/clock.ts';
export type { FaultPlan } from './common/faults.ts';
export type { EmulatorState, IssuedChallenge, RegisteredCredential } from './common/state.ts';
export type { DirectoryUser, NewUser } from './common/users.ts';
export {
  ENTRA_DEFAULT_GRANTS,
  EntraPermissions,
  GRAPH_DEFAULT_SCOPE,
} from './entra/permissions.ts';
export {
  type EntraClientSpec,
  type EntraEmulator,
  type EntraEmulatorOptions,
  startEntraEmulator,
} from './entra/startEntraEmulator.ts';
export {
  type OktaClientSpec,
  type OktaEmulator,
  type OktaEmulatorOptions,
  startOktaEmulator,
} from './okta/startOktaEmulator.ts';
export {
  type PingOneClientSpec,
  type PingOneEmulator,
  type PingOneEmulatorOptions,
  startPingOneEmulator,
} from './pingone/startPingOneEmulator.ts';
export {
  type ScimEmulator,
  type ScimEmulatorOptions,
  startScimEmulator,
  type WebhookDelivery,
} from './scim/startScimEmulator.ts';
export { type SoftRegistration, type SoftRegistrationInput, softRegister } from './softKey.ts';
