import {
  gatewayRequests,
  identityRequests,
  policyRequests,
  reportingRequests,
  SUBJECTS,
} from '@keyward/contracts';

/**
 * The bus roles. Each running process connects as exactly one identity of one role; a role's
 * grants are the whole of what it may publish and subscribe (docs/security.md "The bus").
 * `observer` is read-only on events (a SIEM); `operator` is the break-glass superuser for
 * tooling and tests — never given to a service.
 */
export const BUS_ROLES = [
  'policy',
  'identity',
  'reporting',
  'device-gateway',
  'printer',
  'observer',
  'operator',
] as const;
export type BusRole = (typeof BUS_ROLES)[number];

/** Roles that run Keyward code and so sign their requests and events. */
export const SERVICE_ROLES = [
  'policy',
  'identity',
  'reporting',
  'device-gateway',
  'printer',
] as const satisfies readonly BusRole[];
export type ServiceRole = (typeof SERVICE_ROLES)[number];

/**
 * Who owns each event domain (`keyward.<domain>.<event>` → subject `keyward.evt.<domain>.>`):
 * only the owner may publish there. `admin` (privileged acts, refused access) is every
 * service's, since each audits its own routes.
 */
export const EVENT_DOMAIN_OWNERS = {
  device: ['device-gateway'],
  session: ['device-gateway'],
  gateway: ['device-gateway'],
  policy: ['policy'],
  pin: ['policy'],
  unlock: ['policy'],
  enrollment: ['identity'],
  credential: ['identity'],
  idp: ['identity'],
  provisioning: ['identity'],
  printer: ['printer'],
  report: ['reporting'],
  admin: ['policy', 'identity', 'reporting', 'device-gateway', 'printer'],
} as const satisfies Record<string, readonly ServiceRole[]>;

type Requests = Record<string, { subject: string }>;
const subjectsOf = (requests: Requests) => Object.values(requests).map((r) => r.subject);

/**
 * Request subjects: the role that serves them (subscribes, in a queue group) and the roles
 * that may call them (publish). A subject nobody calls is served for operator tooling only.
 * Gateway subjects carry the gateway id as their third token (`keyward.gateway.<id>.<verb>`).
 */
export const REQUEST_GRANTS: readonly {
  subject: string;
  server: ServiceRole;
  callers: readonly ServiceRole[];
}[] = [
  ...subjectsOf(policyRequests).map((subject) => ({
    subject,
    server: 'policy' as const,
    callers: ['device-gateway'] as const,
  })),
  ...[
    identityRequests.enrollmentBegin,
    identityRequests.enrollmentComplete,
    identityRequests.enrollmentCancel,
    identityRequests.idpGet,
  ].map(({ subject }) => ({
    subject,
    server: 'identity' as const,
    callers: ['device-gateway', 'printer'] as const,
  })),
  { subject: identityRequests.provisioningNext.subject, server: 'identity', callers: ['printer'] },
  { subject: identityRequests.credentialRevoke.subject, server: 'identity', callers: [] },
  ...subjectsOf(reportingRequests).map((subject) => ({
    subject,
    server: 'reporting' as const,
    callers: ['device-gateway', 'printer'] as const,
  })),
  ...subjectsOf(gatewayRequests).map((subject) => ({
    subject,
    server: 'device-gateway' as const,
    callers: ['printer'] as const,
  })),
];

/** The gateway's KV buckets (leases shared by every gateway, session journal). */
export const GATEWAY_BUCKETS = ['keyward_device_leases', 'keyward_gateway_sessions'] as const;

/** The streams every publisher may create if absent (start order is free) but never delete. */
export const EVENT_STREAMS = [SUBJECTS.EVENTS_STREAM, SUBJECTS.DLQ_STREAM] as const;

/**
 * The identities of one Keyward installation with a single gateway id-free identity (the dev
 * stack and the test harness): one per service, a read-only observer and the operator.
 */
export const STANDARD_IDENTITIES = [
  ...SERVICE_ROLES.map((role) => ({ name: role, role })),
  { name: 'observer', role: 'observer' },
  { name: 'operator', role: 'operator' },
] as const satisfies readonly { name: string; role: BusRole }[];
