import { createRequire } from 'node:module';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MongooseInstrumentation } from '@opentelemetry/instrumentation-mongoose';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Options of {@link startTelemetry}. */
export interface StartTelemetryOptions {
  serviceName: string;
  /** OTLP/HTTP base URL (`http://collector:4318`); telemetry is off when absent. */
  otlpEndpoint?: string | undefined;
}

export interface Telemetry {
  enabled: boolean;
  /** Exports pending spans now. */
  forceFlush(): Promise<void>;
  /** Flushes pending spans and stops the SDK. */
  shutdown(): Promise<void>;
}

/**
 * Traces for http, express, mongoose (auto-instrumented) and NATS (the kit's own spans with
 * `traceparent` propagation), exported over OTLP/HTTP. Call it in main.ts before creating the
 * HTTP app or connecting Mongo. Only traces: the SDK's metrics/logs exporters stay off.
 */
export function startTelemetry(options: StartTelemetryOptions): Telemetry {
  const { serviceName, otlpEndpoint } = options;
  if (!otlpEndpoint)
    return { enabled: false, forceFlush: async () => {}, shutdown: async () => {} };
  const exporter = new OTLPTraceExporter({ url: `${otlpEndpoint.replace(/\/$/, '')}/v1/traces` });
  const processor = new BatchSpanProcessor(exporter);
  const sdk = new NodeSDK({
    serviceName,
    spanProcessors: [processor],
    instrumentations: [
      new HttpInstrumentation(),
      new ExpressInstrumentation(),
      new MongooseInstrumentation(),
    ],
  });
  sdk.start();
  // The instrumentations hook CommonJS `require`; express and mongoose reached through ESM
  // `import` bypass that hook. Requiring them once here, after start, lets the hooks patch their
  // prototypes in place, which the ESM namespace objects share — whatever the import order.
  const require = createRequire(import.meta.url);
  for (const name of ['node:http', 'node:https', 'express', 'mongoose']) require(name);
  return {
    enabled: true,
    forceFlush: () => processor.forceFlush(),
    shutdown: () => sdk.shutdown(),
  };
}
