import type { paths as GatewayPaths } from './generated/gateway.ts';
import type { paths as IdentityPaths } from './generated/identity.ts';
import type { paths as PolicyPaths } from './generated/policy.ts';
import type { paths as ReportingPaths } from './generated/reporting.ts';

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
export type InventoryPage = Json<ReportingPaths['/inventory']['get']['responses'][200]>;
export type InventoryRecord = InventoryPage['items'][number];
export type InventoryStatus = InventoryRecord['status'];
export type AuditPage = Json<ReportingPaths['/audit']['get']['responses'][200]>;
export type AuditRecord = AuditPage['items'][number];
export type RevokeReply = Json<IdentityPaths['/devices/{serial}/revoke']['post']['responses'][200]>;
