import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMongo, uniqueDbName } from '@keyward/test-harness';
import { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
// Imported before the SDK starts, as a service's main.ts does: express is already loaded.
import {
  connectMongo,
  createAuth,
  createHttpApp,
  createLogger,
  startTelemetry,
  type Telemetry,
} from '../src/index.ts';

type OtlpSpan = { name: string; traceId: string; kind: number; attributes: { key: string }[] };

let receiver: Server;
let telemetry: Telemetry;
const exported: OtlpSpan[] = [];

beforeAll(async () => {
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
  const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  telemetry = startTelemetry({ serviceName: 'kitauto', otlpEndpoint: endpoint });
});

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('startTelemetry auto-instrumentation', () => {
  it('traces incoming HTTP requests with their express route, whatever the import order', async () => {
    const logger = createLogger({ name: 'kitauto', level: 'silent' });
    const auth = createAuth({ issuer: 'http://127.0.0.1:9' });
    const http = createHttpApp({ service: 'kitauto', logger, auth, readiness: async () => ({}) });
    http.route(
      {
        method: 'get',
        path: '/hello/:name',
        summary: 'x',
        permission: null,
        params: z.object({ name: z.string() }),
        responses: { 200: z.object({ hi: z.string() }) },
      },
      async ({ params }) => ({ hi: params.name }),
    );
    const listening = await http.listen({ port: 0 });
    const response = await fetch(`http://127.0.0.1:${listening.port}/hello/bob`);
    expect(await response.json()).toEqual({ hi: 'bob' });
    await listening.close();
    await telemetry.forceFlush();
    const names = exported.map((span) => span.name);
    expect(names).toContain('GET /hello/:name');
  });

  it('traces mongoose operations', async () => {
    const mongo = await startMongo();
    const logger = createLogger({ name: 'kitauto', level: 'silent' });
    const db = await connectMongo({ url: mongo.url, dbName: uniqueDbName('kit_otel'), logger });
    try {
      const Thing = db.model('Thing', new Schema({ name: String }));
      await Thing.create({ name: 'x' });
      expect(await Thing.countDocuments({ name: 'x' })).toBe(1);
    } finally {
      await db.close();
      await mongo.stop();
    }
    await telemetry.shutdown();
    expect(exported.map((span) => span.name)).toEqual(
      expect.arrayContaining(['save things', 'countDocuments things']),
    );
  });
});
