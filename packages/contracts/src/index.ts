// @keyward/contracts: the shared vocabulary of the bus (subjects, envelope, event and
// request/reply schemas, errors, permissions). zod schemas are exported with their types.

export { type BuildEventOptions, buildEvent } from './buildEvent.ts';
export {
  type DefinitionOptions,
  defineEvent,
  defineRequest,
  type EventData,
  type EventDefinition,
  type EventType,
  forInstance,
  type Reply,
  type ReplyData,
  type RequestData,
  type RequestDefinition,
  replyEnvelope,
} from './define.ts';
export { adminEvents } from './domains/admin.ts';
export {
  aaguidSchema,
  type ConfigOp,
  type ConfigStep,
  configOpSchema,
  configStepSchema,
  type DeviceRef,
  type DeviceStatus,
  deviceIdSchema,
  deviceRef,
  deviceRefShape,
  deviceStatusSchema,
  deviceTypeSchema,
  failureSchema,
  gatewayIdSchema,
  type InfoSummary,
  infoSummarySchema,
  serialSchema,
  transportSchema,
  type UserRef,
  userRef,
} from './domains/common.ts';
export { deviceEvents } from './domains/device.ts';
export { gatewayDeviceSummarySchema, gatewayEvents, gatewayRequests } from './domains/gateway.ts';
export {
  type CreationOptions,
  creationOptionsSchema,
  enrollmentBeginRequestSchema,
  identityEvents,
  identityRequests,
  idpTypeSchema,
} from './domains/identity.ts';
export {
  type PlanReply,
  type PlanRequest,
  type Policy,
  pinRulesSchema,
  planReplySchema,
  planRequestSchema,
  policyEvents,
  policyRequests,
  policySchema,
} from './domains/policy.ts';
export { printerEvents } from './domains/printer.ts';
export {
  type InventoryDevice,
  inventoryDeviceSchema,
  reportingEvents,
  reportingRequests,
} from './domains/reporting.ts';
export {
  deviceOutcomeSchema,
  sessionCountsSchema,
  sessionEvents,
  sessionKindSchema,
  sessionModeSchema,
} from './domains/session.ts';
export { type Actor, actorSchema, KeywardEventEnvelope, TRACEPARENT_PATTERN } from './envelope.ts';
export { errorBodySchema } from './errorBody.ts';
export {
  ERROR_CODES,
  type ErrorBody,
  fromErrorBody,
  isKeywardError,
  KEYWARD_ERROR_CODES,
  KeywardError,
  type KeywardErrorCode,
  type KeywardErrorOptions,
  toErrorBody,
} from './errors.ts';
export { isEvent, type KeywardEvent } from './event.ts';
export { type ParseEventOptions, type ParseEventResult, parseEvent } from './parseEvent.ts';
export { isPermission, PERMISSIONS, type Permission, permissionSchema } from './permissions.ts';
export {
  type AnyEventDefinition,
  type AnyEventType,
  type AnyKeywardEvent,
  allEvents,
  allRequests,
  eventRegistry,
  requestRegistry,
} from './registry.ts';
export {
  type KeyedSealedValue,
  keyedSealedValueSchema,
  type SealedValue,
  sealedValueSchema,
  sealingKeyIdSchema,
  transportPublicKeySchema,
} from './sealed.ts';
export { isSecretFieldName, SECRET_FIELD_PATTERN } from './secrets.ts';
export { ACTOR_HEADER, dlqSubject, eventSubject, gatewaySubject, SUBJECTS } from './subjects.ts';
export {
  parseOrThrow,
  toValidationIssues,
  type ValidationErrorOptions,
  type ValidationIssue,
  validationError,
} from './validation.ts';
