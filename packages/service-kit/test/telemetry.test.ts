import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AnyKeywardEvent, defineRequest, deviceEvents } from '@keyward/contracts';
import { type NatsServer, startNats } from '@keyward/test-harness';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  attachBusIdentity,
  consumeEvents,
  createEventPublisher,
  ensureEventStream,
  handleRequest,
  request,
  serveRequests,
  startTelemetry,
} from '../src/index.ts';
import { captureLogger, deferred, deviceRef } from './support.ts';

type OtlpSpan = { name: string; traceId: string; spanId: string; parentSpanId?: string };

let nats: NatsServer;
let nc: NatsConnection;
let receiver: Server;
let endpoint: string;
const exported: OtlpSpan[] = [];
const { logger } = captureLogger();

beforeAll(async () => {
  nats = await startNats();
  nc = attachBusIdentity(
    await connect(nats.connectOptions('operator')),
    nats.credentialsFile('operator'),
  );
  await ensureEventStream(nc);
  // A real OTLP/HTTP receiver: collects the JSON the exporter posts to /v1/traces.
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const payload = JSON.parse(body) as {
        resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      for (const rs of payload.resourceSpans)
        for (const ss of rs.scopeSpans) exported.push(...ss.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await nc?.close();
  await nats?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

const traceIdOf = (traceparent: string | undefined) => traceparent?.split('-')[1];

describe('startTelemetry', () => {
  it('is off without an endpoint: no SDK, no traceparent on events', async () => {
    const telemetry = startTelemetry({ serviceName: 'kittest' });
    expect(telemetry.enabled).toBe(false);
    const publisher = createEventPublisher(nc, { source: 'keyward/test', logger });
    const { event } = await publisher.publish(deviceEvents.reset, {
      actor: 'service:test',
      data: deviceRef,
    });
    expect(event.traceparent).toBeUndefined();
    await telemetry.shutdown();
  });

  it('propagates trace context from publish to consume and from request to reply, and exports the spans', async () => {
    const telemetry = startTelemetry({ serviceName: 'kittest', otlpEndpoint: endpoint });
    expect(telemetry.enabled).toBe(true);

    const seen = deferred<{ event: AnyKeywardEvent; traceId: string | undefined }>();
    const consumer = await consumeEvents(nc, {
      durable: 'kit-trace',
      filterSubject: 'keyward.evt.device.tested',
      logger,
      handler: async (event) => {
        seen.resolve({ event, traceId: trace.getActiveSpan()?.spanContext().traceId });
      },
    });
    const echo = defineRequest(
      'keyward.kittest.trace',
      z.object({}),
      z.object({ traceId: z.string() }),
    );
    const server = await serveRequests(nc, {
      service: 'kittrace',
      version: '0.1.0',
      logger,
      handlers: [
        handleRequest(echo, async () => ({
          traceId: trace.getActiveSpan()?.spanContext().traceId ?? '',
        })),
      ],
    });

    const publisher = createEventPublisher(nc, { source: 'keyward/test', logger });
    const { event } = await publisher.publish(deviceEvents.tested, {
      actor: 'service:test',
      data: { ...deviceRef, passed: true, durationMs: 3 },
    });
    expect(event.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const received = await seen.promise;
    expect(received.event.traceparent).toBe(event.traceparent);
    expect(received.traceId).toBe(traceIdOf(event.traceparent));

    const callerTraceId = await trace.getTracer('test').startActiveSpan('caller', async (span) => {
      const reply = await request(nc, echo, {});
      span.end();
      return { reply, traceId: span.spanContext().traceId };
    });
    expect(callerTraceId.reply).toEqual({ ok: true, data: { traceId: callerTraceId.traceId } });

    await consumer.stop();
    await server.stop();
    await telemetry.shutdown();
    const publishSpan = exported.find((s) => s.name === 'publish keyward.evt.device.tested');
    const processSpan = exported.find((s) => s.name === 'process keyward.evt.device.tested');
    expect(publishSpan?.traceId).toBe(traceIdOf(event.traceparent));
    expect(processSpan?.traceId).toBe(publishSpan?.traceId);
    expect(processSpan?.parentSpanId).toBe(publishSpan?.spanId);
    expect(exported.map((s) => s.name)).toEqual(
      expect.arrayContaining(['request keyward.kittest.trace', 'serve keyward.kittest.trace']),
    );
  });
});
