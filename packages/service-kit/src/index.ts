// @keyward/service-kit: what every service's main.ts calls, so a service is wiring only.

export { authFromConfig } from './auth/authFromConfig.ts';
export {
  type Auth,
  type CreateAuthOptions,
  createAuth,
  type Principal,
} from './auth/createAuth.ts';
export { requirePermission } from './auth/requirePermission.ts';
export {
  BUILT_IN_ROLES,
  permissionsOfRoles,
  type RoleMap,
  roleMap,
  rolePermissionsSchema,
} from './auth/roles.ts';
export {
  type CommonConfig,
  commonConfig,
  commonConfigShape,
  flagSchema,
  portSchema,
  secretRateLimitConfigShape,
} from './config/commonConfig.ts';
export { loadConfig } from './config/loadConfig.ts';
export {
  type CreateHttpAppOptions,
  createHttpApp,
  type HttpApp,
} from './http/createHttpApp.ts';
export { type DescribeRoutesOptions, describeRoutes } from './http/describeRoutes.ts';
export { sendError } from './http/errorHandler.ts';
export { type CreateRateLimitOptions, createRateLimit } from './http/rateLimit.ts';
export type {
  HttpMethod,
  ResponseSchemas,
  RouteContext,
  RouteHandler,
  RouteInput,
  RouteSpec,
} from './http/routeSpec.ts';
export { InFlight } from './lifecycle/inFlight.ts';
export { type RunServiceOptions, runService } from './lifecycle/runService.ts';
export { type ServiceMainOptions, serviceMain } from './lifecycle/serviceMain.ts';
export { type StopStep, stopAll } from './lifecycle/stopAll.ts';
export { type CreateLoggerOptions, createLogger, type Logger } from './log/createLogger.ts';
export { REDACTED, redactDeep, redactString } from './log/redact.ts';
export { type ConnectMongoOptions, connectMongo, isMongoReachable } from './mongo/connectMongo.ts';
export {
  attachBusIdentity,
  type BusContext,
  busContextOf,
  createBusContext,
  registerBusContext,
  rosterBeside,
} from './nats/busContext.ts';
export {
  addCallerProof,
  CALLER_HEADER,
  CALLER_PROOF_HEADER,
  callerProofHeaders,
  type ProvenCaller,
} from './nats/callerProof.ts';
export { type ConnectNatsOptions, connectNats } from './nats/connectNats.ts';
export {
  type ConsumeEventsOptions,
  consumeEvents,
  type EventConsumer,
  type EventContext,
  type EventHandler,
} from './nats/consumeEvents.ts';
export {
  createEventPublisher,
  type EventPublisher,
  type EventPublisherOptions,
  type PublishInput,
  type PublishResult,
} from './nats/createEventPublisher.ts';
export type { DeadLetter } from './nats/deadLetter.ts';
export { type EnsureEventStreamOptions, ensureEventStream } from './nats/ensureEventStream.ts';
export {
  EVENT_SIGNATURE_HEADER,
  signEvent,
  verifyEventSignature,
} from './nats/eventSignature.ts';
export { isNatsReachable } from './nats/isNatsReachable.ts';
export { type RequestOptions, request, requestOrThrow } from './nats/request.ts';
export {
  handleRequest,
  type RequestContext,
  type RequestHandler,
  type RequestServer,
  type ServeRequestsOptions,
  serveRequests,
} from './nats/serveRequests.ts';
export {
  type StartTelemetryOptions,
  startTelemetry,
  type Telemetry,
} from './telemetry/startTelemetry.ts';
export { contextFromHeaders, injectTraceHeaders } from './telemetry/trace.ts';
