import type { paths as GatewayPaths } from './generated/gateway.ts';
import type { paths as IdentityPaths } from './generated/identity.ts';
import type { paths as PolicyPaths } from './generated/policy.ts';

/** Named views of generated response types (no hand-written DTOs: these are aliases only). */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type DeviceList = Json<GatewayPaths['/devices']['get']['responses'][200]>;
export type DeviceView = DeviceList['devices'][number];
export type ExpandedDevice = Json<GatewayPaths['/devices/{id}']['get']['responses'][200]>;
export type SessionView = Json<GatewayPaths['/sessions/{id}']['get']['responses'][200]>;
export type KeyRun = SessionView['keys'][number];
export type PolicyList = Json<PolicyPaths['/policies']['get']['responses'][200]>;
export type PinView = Json<GatewayPaths['/devices/{id}/pin']['get']['responses'][200]>;
export type IdpConnection = Json<IdentityPaths['/idps']['get']['responses'][200]>[number];
