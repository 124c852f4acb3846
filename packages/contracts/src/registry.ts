import type { EventDefinition, RequestDefinition } from './define.ts';
import { adminEvents } from './domains/admin.ts';
import { deviceEvents } from './domains/device.ts';
import { gatewayEvents, gatewayRequests } from './domains/gateway.ts';
import { identityEvents, identityRequests } from './domains/identity.ts';
import { policyEvents, policyRequests } from './domains/policy.ts';
import { printerEvents } from './domains/printer.ts';
import { reportingEvents, reportingRequests } from './domains/reporting.ts';
import { sessionEvents } from './domains/session.ts';
import type { KeywardEvent } from './event.ts';

// Every definition of every domain, so parseEvent, the docs generator and the stream's subject
// list see the same set. A new event in a domain's `...Events` object is registered by that.

/** All event definitions, in documentation order. */
export const allEvents = [
  ...Object.values(deviceEvents),
  ...Object.values(sessionEvents),
  ...Object.values(gatewayEvents),
  ...Object.values(policyEvents),
  ...Object.values(identityEvents),
  ...Object.values(printerEvents),
  ...Object.values(reportingEvents),
  ...Object.values(adminEvents),
];

/** All request/reply definitions, in documentation order. */
export const allRequests = [
  ...Object.values(policyRequests),
  ...Object.values(identityRequests),
  ...Object.values(reportingRequests),
  ...Object.values(gatewayRequests),
];

export type AnyEventDefinition = (typeof allEvents)[number];
/** Union of every typed event: `switch (event.type)` narrows `event.data`. */
export type AnyKeywardEvent = KeywardEvent<AnyEventDefinition>;
export type AnyEventType = AnyEventDefinition['type'];

export const eventRegistry: ReadonlyMap<string, EventDefinition> = buildRegistry(allEvents);

export const requestRegistry: ReadonlyMap<string, RequestDefinition> = new Map(
  allRequests.map((definition) => [definition.subject, definition]),
);

function buildRegistry(definitions: readonly EventDefinition[]) {
  const map = new Map<string, EventDefinition>();
  for (const definition of definitions) {
    if (map.has(definition.type))
      throw new TypeError(`event type "${definition.type}" defined twice`);
    map.set(definition.type, definition);
  }
  return map;
}
