import { SUBJECTS } from '@keyward/contracts';
import {
  type BusRole,
  EVENT_DOMAIN_OWNERS,
  EVENT_STREAMS,
  GATEWAY_BUCKETS,
  REQUEST_GRANTS,
  type ServiceRole,
} from './grants.ts';

/** One bus identity: a name (unique on the server), its role and, for a gateway, its id. */
export interface BusIdentity {
  /** [a-z0-9-]+; also the identity's inbox token (`_INBOX.<name>.>`). */
  name: string;
  role: BusRole;
  /** device-gateway only: the one gateway whose subjects it serves. Absent = any (`*`). */
  gatewayId?: string;
}

/** NATS user permissions, in nats-server's configuration shape. */
export interface NatsPermissions {
  /** An empty allow list means "no restriction" to nats-server: a read-only identity denies. */
  publish: { allow: string[] } | { deny: string[] };
  subscribe: { allow: string[] };
  /** Replying to requests received on the allowed subscriptions (one reply, within 2 min). */
  allow_responses?: boolean;
}

/** The inbox prefix an identity's connection must use; nobody else may subscribe below it. */
export function inboxPrefix(identity: Pick<BusIdentity, 'name'>): string {
  return `_INBOX.${identity.name}`;
}

/**
 * Exactly what an identity may do (design.md "The bus", docs/security.md). A service publishes
 * its own event subjects and the requests it calls; subscribes to the requests it serves and
 * its own inbox; uses the JetStream API only for the streams, consumers and buckets it owns.
 */
export function permissionsFor(identity: BusIdentity): NatsPermissions {
  const { role } = identity;
  if (role === 'operator') return { publish: { allow: ['>'] }, subscribe: { allow: ['>'] } };
  if (role === 'observer') {
    return {
      publish: { deny: ['>'] },
      subscribe: { allow: [SUBJECTS.EVENTS_ALL, SUBJECTS.DLQ_ALL] },
    };
  }
  const gateway = identity.gatewayId ?? '*';
  const instance = (subject: string) => subject.replace('*', gateway);
  const serves = REQUEST_GRANTS.filter((g) => g.server === role).map((g) => instance(g.subject));
  const calls = REQUEST_GRANTS.filter((g) => g.callers.includes(role)).map((g) => g.subject);
  const publish = [
    ...ownEventSubjects(role),
    ...calls,
    ...streamAccess(role),
    ...(role === 'device-gateway' ? GATEWAY_BUCKETS.flatMap(bucketAccess) : []),
  ];
  const subscribe = [`${inboxPrefix(identity)}.>`, ...serves, '$SRV.>'];
  return { publish: { allow: publish }, subscribe: { allow: subscribe }, allow_responses: true };
}

/** `keyward.evt.<domain>.>` for every domain the role owns. */
export function ownEventSubjects(role: BusRole): string[] {
  return Object.entries(EVENT_DOMAIN_OWNERS)
    .filter(([, owners]) => (owners as readonly string[]).includes(role))
    .map(([domain]) => `${SUBJECTS.EVENTS_PREFIX}.${domain}.>`);
}

/** May `role` publish the event on `subject`? (What reporting checks a signer against.) */
export function mayPublishEvent(role: BusRole, subject: string): boolean {
  if (role === 'operator') return true;
  return ownEventSubjects(role).some((grant) => subject.startsWith(grant.slice(0, -1)));
}

function streamAccess(role: ServiceRole): string[] {
  // Every publisher may create the event streams so services start in any order; only
  // reporting (which owns their retention) updates them and consumes; nobody deletes.
  const api = '$JS.API';
  const base = [
    `${api}.INFO`,
    ...EVENT_STREAMS.flatMap((s) => [`${api}.STREAM.INFO.${s}`, `${api}.STREAM.CREATE.${s}`]),
  ];
  if (role !== 'reporting') return base;
  const events = SUBJECTS.EVENTS_STREAM;
  return [
    ...base,
    ...EVENT_STREAMS.map((s) => `${api}.STREAM.UPDATE.${s}`),
    `${api}.CONSUMER.CREATE.${events}`,
    `${api}.CONSUMER.CREATE.${events}.>`,
    `${api}.CONSUMER.DURABLE.CREATE.${events}.*`,
    `${api}.CONSUMER.INFO.${events}.*`,
    `${api}.CONSUMER.DELETE.${events}.*`,
    `${api}.CONSUMER.MSG.NEXT.${events}.*`,
    `$JS.ACK.${events}.>`,
    `$JS.FC.${events}.>`,
    `${SUBJECTS.DLQ_PREFIX}.>`,
  ];
}

function bucketAccess(bucket: string): string[] {
  const stream = `KV_${bucket}`;
  const api = '$JS.API';
  return [
    `$KV.${bucket}.>`,
    `${api}.STREAM.INFO.${stream}`,
    `${api}.STREAM.CREATE.${stream}`,
    `${api}.STREAM.UPDATE.${stream}`,
    `${api}.STREAM.MSG.GET.${stream}`,
    `${api}.DIRECT.GET.${stream}`,
    `${api}.DIRECT.GET.${stream}.>`,
    `${api}.CONSUMER.CREATE.${stream}`,
    `${api}.CONSUMER.CREATE.${stream}.>`,
    `${api}.CONSUMER.INFO.${stream}.*`,
    `${api}.CONSUMER.DELETE.${stream}.*`,
    `${api}.CONSUMER.MSG.NEXT.${stream}.*`,
    `$JS.ACK.${stream}.>`,
    `$JS.FC.${stream}.>`,
  ];
}
