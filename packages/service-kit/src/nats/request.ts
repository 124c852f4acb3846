import {
  ACTOR_HEADER,
  fromErrorBody,
  KeywardError,
  type Reply,
  type RequestDefinition,
  replyEnvelope,
  toErrorBody,
  validationError,
} from '@keyward/contracts';
import { errors, headers, type NatsConnection } from '@nats-io/nats-core';
import type { z } from 'zod';
import { injectTraceHeaders, inSpan, SpanKind } from '../telemetry/trace.ts';
import { busContextOf } from './busContext.ts';
import { addCallerProof } from './callerProof.ts';

/** Options of {@link request}. */
export interface RequestOptions {
  /** Default 5 000 ms. */
  timeoutMs?: number;
  /**
   * For whom the calling service acts ("user:<sub>" it verified, or "service:<name>"). The
   * calling service itself is proven by its signature (callerProof.ts), not by this.
   */
  actor?: string;
}

/**
 * Sends a request and returns the validated reply as a union (never throws for peer
 * failures): no responder → UPSTREAM_UNAVAILABLE, no answer in time → TIMEOUT, a reply that
 * breaks the contract → UPSTREAM_FAILED. An invalid request → VALIDATION_FAILED, not sent.
 */
export async function request<D extends RequestDefinition>(
  nc: NatsConnection,
  def: D,
  data: z.input<D['request']>,
  options: RequestOptions = {},
): Promise<Reply<z.output<D['reply']>>> {
  const { timeoutMs = 5_000, actor } = options;
  if (def.subject.includes('*')) {
    throw new TypeError(
      `subject "${def.subject}" has a "*" token: address one instance with forInstance()`,
    );
  }
  const outgoing = def.request.safeParse(data);
  if (!outgoing.success) return { ok: false, error: toErrorBody(validationError(outgoing.error)) };
  const attributes = { 'messaging.system': 'nats', 'messaging.destination.name': def.subject };
  return inSpan(`request ${def.subject}`, { kind: SpanKind.CLIENT, attributes }, async () => {
    const h = headers();
    if (actor) h.set(ACTOR_HEADER, actor);
    injectTraceHeaders(h);
    const body = new TextEncoder().encode(JSON.stringify(outgoing.data));
    addCallerProof(h, busContextOf(nc), def.subject, body);
    let raw: Uint8Array;
    try {
      const msg = await nc.request(def.subject, body, {
        timeout: timeoutMs,
        headers: h,
      });
      raw = msg.data;
    } catch (cause) {
      return { ok: false, error: toErrorBody(transportError(def.subject, timeoutMs, cause)) };
    }
    return decodeReply(def, raw);
  });
}

/** Like {@link request} but returns the data or throws the peer's error as a KeywardError. */
export async function requestOrThrow<D extends RequestDefinition>(
  nc: NatsConnection,
  def: D,
  data: z.input<D['request']>,
  options: RequestOptions = {},
): Promise<z.output<D['reply']>> {
  const reply = await request(nc, def, data, options);
  if (!reply.ok) throw fromErrorBody(reply.error);
  return reply.data;
}

function decodeReply<D extends RequestDefinition>(
  def: D,
  raw: Uint8Array,
): Reply<z.output<D['reply']>> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    const error = new KeywardError('UPSTREAM_FAILED', `reply from ${def.subject} is not JSON`);
    return { ok: false, error: toErrorBody(error) };
  }
  const reply = replyEnvelope(def.reply).safeParse(json);
  if (!reply.success) {
    const problem = validationError(reply.error, { root: 'reply' }).message;
    const error = new KeywardError(
      'UPSTREAM_FAILED',
      `reply from ${def.subject} breaks its contract: ${problem}`,
    );
    return { ok: false, error: toErrorBody(error) };
  }
  return reply.data as Reply<z.output<D['reply']>>;
}

function transportError(subject: string, timeoutMs: number, cause: unknown): KeywardError {
  const noResponders =
    cause instanceof errors.NoRespondersError ||
    (cause instanceof errors.RequestError && cause.isNoResponders());
  if (noResponders) {
    return new KeywardError('UPSTREAM_UNAVAILABLE', `no service answers ${subject}`, { cause });
  }
  if (cause instanceof errors.TimeoutError) {
    return new KeywardError('TIMEOUT', `no reply on ${subject} within ${timeoutMs} ms`, { cause });
  }
  return new KeywardError('UPSTREAM_UNAVAILABLE', `request on ${subject} failed`, { cause });
}
