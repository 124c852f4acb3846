/**
 * NATS names shared by every service (design.md "The bus"). Events live on
 * `keyward.evt.<domain>.<event>`; requests on `keyward.<service>.<verb>`.
 */
export const SUBJECTS = {
  EVENTS_STREAM: 'KEYWARD_EVENTS',
  EVENTS_PREFIX: 'keyward.evt',
  EVENTS_ALL: 'keyward.evt.>',
  /** Dead letters: `keyward.dlq.<durable consumer name>`, kept in their own stream. */
  DLQ_STREAM: 'KEYWARD_DLQ',
  DLQ_PREFIX: 'keyward.dlq',
  DLQ_ALL: 'keyward.dlq.>',
  GATEWAY_PREFIX: 'keyward.gateway',
  POLICY_PLAN: 'keyward.policy.plan',
  POLICY_GET: 'keyward.policy.get',
  POLICY_SEALING_KEY: 'keyward.policy.sealing-key',
  POLICY_PIN_READ: 'keyward.policy.pin.read',
  POLICY_PIN_STORE: 'keyward.policy.pin.store',
  POLICY_PIN_CHECK: 'keyward.policy.pin.check',
  POLICY_PIN_SETTLE: 'keyward.policy.pin.settle',
  POLICY_UNLOCK_RESPONSE: 'keyward.policy.unlock.response',
  IDENTITY_ENROLLMENT_BEGIN: 'keyward.identity.enrollment.begin',
  IDENTITY_ENROLLMENT_COMPLETE: 'keyward.identity.enrollment.complete',
  IDENTITY_ENROLLMENT_CANCEL: 'keyward.identity.enrollment.cancel',
  IDENTITY_CREDENTIAL_REVOKE: 'keyward.identity.credential.revoke',
  IDENTITY_PROVISIONING_NEXT: 'keyward.identity.provisioning.next',
  IDENTITY_IDP_GET: 'keyward.identity.idp.get',
  REPORTING_INVENTORY_GET: 'keyward.reporting.inventory.get',
} as const;

/** Request header naming who asked ("user:<sub>" | "service:<name>"). */
export const ACTOR_HEADER = 'Keyward-Actor';

/** Event type `keyward.device.configured` → subject `keyward.evt.device.configured`. */
export function eventSubject(type: string): string {
  if (!type.startsWith('keyward.')) {
    throw new TypeError(`event type must start with "keyward.", was "${type}"`);
  }
  return `${SUBJECTS.EVENTS_PREFIX}.${type.slice('keyward.'.length)}`;
}

/** Where a consumer's dead letters go: `keyward.dlq.<durable>`. */
export function dlqSubject(durable: string): string {
  return `${SUBJECTS.DLQ_PREFIX}.${durable}`;
}

/** A gateway's own request subject: `keyward.gateway.<gatewayId>.<verb>`. */
export function gatewaySubject(gatewayId: string, verb: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(gatewayId)) {
    throw new TypeError(`gatewayId must be one NATS token of [A-Za-z0-9_-], was "${gatewayId}"`);
  }
  return `${SUBJECTS.GATEWAY_PREFIX}.${gatewayId}.${verb}`;
}
