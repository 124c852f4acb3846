export {
  type BusCredentials,
  type BusRoster,
  busCredentialsSchema,
  busRosterSchema,
  createCredentials,
  credentialsFile,
  type EnsureCredentialsOptions,
  ensureCredentials,
  publicEntry,
  type RosterEntry,
  readCredentials,
  readRoster,
  rosterFile,
} from './credentials.ts';
export {
  BUS_ROLES,
  type BusRole,
  EVENT_DOMAIN_OWNERS,
  GATEWAY_BUCKETS,
  REQUEST_GRANTS,
  SERVICE_ROLES,
  type ServiceRole,
  STANDARD_IDENTITIES,
} from './grants.ts';
export {
  type BusIdentity,
  inboxPrefix,
  mayPublishEvent,
  type NatsPermissions,
  ownEventSubjects,
  permissionsFor,
} from './permissions.ts';
export { authorizationBlock } from './serverConfig.ts';
