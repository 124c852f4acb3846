import {
  ACTOR_HEADER,
  ERROR_CODES,
  type ErrorBody,
  KeywardError,
  type RequestDefinition,
  toErrorBody,
  validationError,
} from '@keyward/contracts';
import type { NatsConnection } from '@nats-io/nats-core';
import { type Service, type ServiceMsg, Svcm } from '@nats-io/services';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { InFlight } from '../lifecycle/inFlight.ts';
import { contextFromHeaders, inSpan, SpanKind } from '../telemetry/trace.ts';
import { busContextOf } from './busContext.ts';
import { CallerVerifier, type ProvenCaller } from './callerProof.ts';

/** What a request handler gets besides the validated data. */
export interface RequestContext {
  /**
   * From the `Keyward-Actor` header: for whom the proven caller says it acts ("user:<sub>" or
   * "service:<name>"); undefined if absent. A claim of `caller`, not a proof.
   */
  actor: string | undefined;
  /** The service that sent the request, proven by its bus signature. */
  caller: ProvenCaller;
  subject: string;
  logger: Logger;
}

/** One endpoint: a contract and the function answering it. */
export interface RequestHandler<D extends RequestDefinition = RequestDefinition> {
  def: D;
  handle: (data: z.output<D['request']>, ctx: RequestContext) => Promise<z.input<D['reply']>>;
}

/** Builds a handler entry with its types tied to the definition. */
export function handleRequest<D extends RequestDefinition>(
  def: D,
  handle: RequestHandler<D>['handle'],
): RequestHandler<D> {
  return { def, handle };
}

/** Options of {@link serveRequests}. */
export interface ServeRequestsOptions {
  /** Service name for `$SRV` discovery: [-\w]+, e.g. "policy". */
  service: string;
  /** Semantic version. */
  version: string;
  description?: string;
  logger: Logger;
  // biome-ignore lint/suspicious/noExplicitAny: a list of handlers of different definitions.
  handlers: RequestHandler<any>[];
  /** Queue group shared by replicas. Default "q" (the framework's). */
  queue?: string;
}

export interface RequestServer {
  service: Service;
  /** Stops taking requests, then waits for running handlers to reply. */
  stop(): Promise<void>;
}

/**
 * Serves request/reply endpoints on the NATS services framework (queue group, `$SRV` stats).
 * Requests are validated against the contract (VALIDATION_FAILED naming the field); replies are
 * `{ok:true,data}` or `{ok:false,error}`. A KeywardError keeps its code; anything else becomes
 * INTERNAL on the wire (logged here, never its stack or message over the wire).
 */
export async function serveRequests(
  nc: NatsConnection,
  options: ServeRequestsOptions,
): Promise<RequestServer> {
  const { service: name, version, description = '', logger, handlers, queue } = options;
  // @nats-io/services pins its own nats-core copy; the connection object is the same at runtime.
  const svcm = new Svcm(nc as unknown as ConstructorParameters<typeof Svcm>[0]);
  const service = await svcm.add({
    name,
    version,
    description,
    ...(queue ? { queue } : {}),
  });
  const inFlight = new InFlight();
  const verifier = new CallerVerifier(busContextOf(nc));
  for (const entry of handlers) {
    service.addEndpoint(endpointName(entry.def.subject), {
      subject: entry.def.subject,
      metadata: { description: entry.def.description },
      handler: (error, msg) => {
        if (error) {
          logger.error({ err: error, subject: entry.def.subject }, 'endpoint failed');
          return;
        }
        void inFlight.track(answer(msg, entry, logger, verifier));
      },
    });
  }
  logger.info({ service: name, subjects: handlers.map((h) => h.def.subject) }, 'serving requests');
  return {
    service,
    async stop() {
      await service.stop();
      await inFlight.idle();
    },
  };
}

async function answer(
  msg: ServiceMsg,
  entry: RequestHandler,
  baseLogger: Logger,
  verifier: CallerVerifier,
): Promise<void> {
  const { def, handle } = entry;
  const actor = msg.headers?.get(ACTOR_HEADER) || undefined;
  let logger = baseLogger.child({ subject: def.subject, actor });
  const parent = contextFromHeaders(msg.headers);
  const attributes = { 'messaging.system': 'nats', 'messaging.destination.name': def.subject };
  try {
    const data = await inSpan(
      `serve ${def.subject}`,
      { kind: SpanKind.SERVER, attributes, parent },
      async () => {
        // @nats-io/services pins its own nats-core copy; the headers object is the same.
        const h = msg.headers as unknown as Parameters<CallerVerifier['verify']>[0];
        const caller = verifier.verify(h, msg.subject, msg.data);
        logger = logger.child({ caller: caller.name });
        const request = def.request.safeParse(decodeJson(msg.data));
        if (!request.success) throw validationError(request.error);
        const context = { actor, caller, subject: def.subject, logger };
        const result = await handle(request.data, context);
        const reply = def.reply.safeParse(result);
        if (!reply.success) {
          // Our own bug: the handler broke the contract. Log it; the caller sees INTERNAL.
          logger.error(
            { err: validationError(reply.error, { root: 'reply' }) },
            'reply breaks its contract',
          );
          throw new Error('reply breaks its contract');
        }
        return reply.data;
      },
    );
    msg.respond(JSON.stringify({ ok: true, data }));
  } catch (error) {
    const body: ErrorBody = toErrorBody(error);
    const status = ERROR_CODES[body.code].httpStatus;
    if (status >= 500) logger.error({ err: error }, 'request failed');
    else if (body.code === 'UNAUTHENTICATED' || body.code === 'FORBIDDEN') {
      logger.warn({ code: body.code, reason: body.message }, 'request refused: caller');
    } else logger.debug({ code: body.code }, 'request refused');
    msg.respondError(status, body.code, JSON.stringify({ ok: false, error: body }));
  }
}

function decodeJson(data: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(data));
  } catch (cause) {
    throw new KeywardError('VALIDATION_FAILED', `request is not JSON (${data.length} bytes)`, {
      cause,
    });
  }
}

/** `keyward.policy.pin.read` → `policy-pin-read` (endpoint names allow only [-\w]). */
function endpointName(subject: string): string {
  return subject
    .replace(/^keyward\./, '')
    .replace(/\*/g, 'any')
    .replace(/[^-\w]/g, '-');
}
