import {
  type Attributes,
  type Context,
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

// NATS has no OpenTelemetry instrumentation, so the kit carries W3C trace context itself: in
// the `traceparent` message header (and the event's `traceparent` extension) on publish, and
// back into the active context on consume/serve. Without a registered SDK all of this is a
// no-op (non-recording spans, nothing injected).

/** The part of NATS message headers read here (two nats-core copies exist in the tree). */
export interface ReadableHeaders {
  get(key: string): string;
}

export const tracer = trace.getTracer('@keyward/service-kit');

export { SpanKind };

/** Writes the active context's `traceparent`/`tracestate` into NATS headers; returns traceparent. */
export function injectTraceHeaders(headers: {
  set(key: string, value: string): void;
}): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  for (const [key, value] of Object.entries(carrier)) headers.set(key, value);
  return carrier.traceparent;
}

/** The remote parent context from NATS headers, or from an event's `traceparent` extension. */
export function contextFromHeaders(headers?: ReadableHeaders, traceparent?: string): Context {
  const carrier: Record<string, string> = {};
  const fromHeader = headers?.get('traceparent');
  if (fromHeader) carrier.traceparent = fromHeader;
  else if (traceparent) carrier.traceparent = traceparent;
  const state = headers?.get('tracestate');
  if (state) carrier.tracestate = state;
  return propagation.extract(context.active(), carrier);
}

/** Runs `fn` in a new active span (child of `parent` if given), ending it and recording errors. */
export function inSpan<T>(
  name: string,
  options: { kind: SpanKind; attributes?: Attributes; parent?: Context },
  fn: () => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  const spanOptions = { kind: options.kind, attributes: options.attributes ?? {} };
  return tracer.startActiveSpan(name, spanOptions, parent, async (span) => {
    try {
      return await fn();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
