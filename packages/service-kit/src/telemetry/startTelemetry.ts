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
  /** Flushes pending spans and stops the SDK. */
  shutdown(): Promise<void>;
}

/**
 * Traces for http, express, mongoose (auto-instrumented) and NATS (the kit's own spans with
 * `traceparent` propagation), exported over OTLP/HTTP. Call it first in main.ts, before express
 * and mongoose are imported (import them dynamically after it), or the auto-instrumentation
 * cannot patch them. Only traces: the SDK's env-driven metrics/logs exporters stay off.
 */
export function startTelemetry(options: StartTelemetryOptions): Telemetry {
  const { serviceName, otlpEndpoint } = options;
  if (!otlpEndpoint) return { enabled: false, shutdown: async () => {} };
  const exporter = new OTLPTraceExporter({ url: `${otlpEndpoint.replace(/\/$/, '')}/v1/traces` });
  const sdk = new NodeSDK({
    serviceName,
    spanProcessors: [new BatchSpanProcessor(exporter)],
    instrumentations: [
      new HttpInstrumentation(),
      new ExpressInstrumentation(),
      new MongooseInstrumentation(),
    ],
  });
  sdk.start();
  return { enabled: true, shutdown: () => sdk.shutdown() };
}
