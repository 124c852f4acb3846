import { z } from 'zod';
import { errorBodySchema } from './errorBody.ts';
import { eventSubject } from './subjects.ts';

/** A Keyward event type: `keyward.<domain>.<event>`. */
export type EventType = `keyward.${string}.${string}`;

/** One event: its CloudEvents `type`, its NATS subject and the zod schema of its `data`. */
export interface EventDefinition<T extends EventType = EventType, S extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly type: T;
  readonly subject: string;
  readonly schema: S;
  readonly description: string;
}

/** One request/reply pair served on the NATS services framework. */
export interface RequestDefinition<
  Req extends z.ZodType = z.ZodType,
  Rep extends z.ZodType = z.ZodType,
> {
  readonly kind: 'request';
  /** May end in a `*` token for per-instance subjects (gateways); see {@link forInstance}. */
  readonly subject: string;
  readonly request: Req;
  readonly reply: Rep;
  readonly description: string;
}

/** Options of {@link defineEvent} and {@link defineRequest}. */
export interface DefinitionOptions {
  /** One sentence for docs/events.md: when it happens, who emits it. */
  description?: string;
}

/** Declares an event; add the result to your domain's `...Events` object so it is registered. */
export function defineEvent<T extends EventType, S extends z.ZodType>(
  type: T,
  schema: S,
  options: DefinitionOptions = {},
): EventDefinition<T, S> {
  return {
    kind: 'event',
    type,
    subject: eventSubject(type),
    schema,
    description: options.description ?? '',
  };
}

/** Declares a request/reply pair; replies travel as {@link replyEnvelope} of `reply`. */
export function defineRequest<Req extends z.ZodType, Rep extends z.ZodType>(
  subject: string,
  request: Req,
  reply: Rep,
  options: DefinitionOptions = {},
): RequestDefinition<Req, Rep> {
  if (!/^keyward\.[a-z0-9_*.-]+$/i.test(subject)) {
    throw new TypeError(`request subject must start with "keyward.", was "${subject}"`);
  }
  return { kind: 'request', subject, request, reply, description: options.description ?? '' };
}

/** A per-instance copy of a definition whose subject has a `*` token (e.g. the gateway id). */
export function forInstance<D extends RequestDefinition>(definition: D, instanceId: string): D {
  if (!definition.subject.includes('*')) {
    throw new TypeError(`subject "${definition.subject}" has no "*" token to fill`);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(instanceId)) {
    throw new TypeError(`instance id must be one NATS token of [A-Za-z0-9_-], was "${instanceId}"`);
  }
  return { ...definition, subject: definition.subject.replace('*', instanceId) };
}

/** The wire form of a reply: `{ok:true,data}` or `{ok:false,error:{code,message,details?}}`. */
export function replyEnvelope<S extends z.ZodType>(data: S) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: errorBodySchema }),
  ]);
}

export type Reply<T> =
  | { ok: true; data: T }
  | { ok: false; error: z.infer<typeof errorBodySchema> };

export type EventData<D extends EventDefinition> = z.infer<D['schema']>;
export type RequestData<D extends RequestDefinition> = z.infer<D['request']>;
export type ReplyData<D extends RequestDefinition> = z.infer<D['reply']>;
