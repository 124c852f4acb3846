import { attachBusIdentity, createLogger } from '@keyward/service-kit';
import {
  type NatsServer,
  type OidcIssuer,
  startNats,
  startOidcIssuer,
} from '@keyward/test-harness';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { gatewayConfigSchema } from '../../src/config.ts';
import {
  type RunningGateway,
  type StartGatewayOptions,
  startGateway,
} from '../../src/startGateway.ts';
import { type Responders, startResponders } from './responders.ts';

export const ALL_PERMISSIONS = [
  'device:read',
  'device:configure',
  'device:enroll',
  'device:reset',
  'device:unlock',
  'device:userpin:read',
  'device:adminpin:read',
] as const;

export interface CapturedEvent {
  type: string;
  subject?: string;
  actor: string;
  data: Record<string, unknown>;
  raw: string;
}

export interface GatewayHarness {
  nats: NatsServer;
  nc: NatsConnection;
  issuer: OidcIssuer;
  responders: Responders;
  gateway: RunningGateway;
  events: CapturedEvent[];
  token(permissions?: readonly string[], sub?: string): string;
  api(
    method: string,
    path: string,
    options?: {
      body?: unknown;
      permissions?: readonly string[];
      sub?: string;
      token?: string | null;
    },
    // biome-ignore lint/suspicious/noExplicitAny: tests assert on response bodies field by field
  ): Promise<{ status: number; body: any; text: string; headers: Headers }>;
  /** Starts a second gateway instance on the same NATS (restart, second workstation). */
  startAnother(
    overrides?: Record<string, string>,
    extra?: Partial<StartGatewayOptions>,
  ): Promise<RunningGateway>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** false when the test runs the real policy service instead. */
  policyStandIn?: boolean;
  /** false when the test runs the real reporting service instead. */
  reportingStandIn?: boolean;
  /** Use this NATS server instead of starting one (its owner stops it). */
  nats?: NatsServer;
  gateway?: Partial<StartGatewayOptions>;
}

/** Real nats-server (JetStream), a real JWT issuer, contract responders, an in-process gateway. */
export async function startGatewayHarness(options: HarnessOptions = {}): Promise<GatewayHarness> {
  const logger = createLogger({
    name: 'gateway-test',
    level: (process.env.GW_TEST_LOG as 'silent') ?? 'silent',
  });
  const nats = options.nats ?? (await startNats({ jetstream: true }));
  // The test's own connection (stand-ins, event capture) is the operator; the gateway runs on
  // its own connection with exactly the device-gateway identity's permissions.
  const nc = attachBusIdentity(
    await connect(nats.connectOptions('operator')),
    nats.credentialsFile('operator'),
  );
  const gatewayNc = attachBusIdentity(
    await connect(nats.connectOptions('device-gateway')),
    nats.credentialsFile('device-gateway'),
  );
  const issuer = await startOidcIssuer({ permissions: [] });
  const responders = await startResponders(nc, logger, {
    issuer,
    policy: options.policyStandIn !== false,
    reporting: options.reportingStandIn !== false,
  });
  const events: CapturedEvent[] = [];
  nc.subscribe('keyward.evt.>', {
    callback: (_err, msg) => {
      const raw = msg.string();
      const e = JSON.parse(raw);
      events.push({ type: e.type, subject: e.subject, actor: e.actor, data: e.data, raw });
    },
  });
  const env = (overrides: Record<string, string> = {}) =>
    gatewayConfigSchema.parse({
      NATS_URL: nats.url,
      NATS_CREDENTIALS: nats.credentialsFile('device-gateway'),
      HTTP_PORT: '0',
      AUTH_ISSUER: issuer.issuer,
      AUTH_JWKS_URL: issuer.jwksUrl,
      GATEWAY_ID: 'gw-test',
      KEYWARD_SIM: 'true',
      KEYWARD_HID: 'false',
      LOG_LEVEL: 'silent',
      ...options.env,
      ...overrides,
    });
  const gateway = await startGateway({
    config: env(),
    nc: gatewayNc,
    logger,
    ...options.gateway,
  });
  const token = (permissions: readonly string[] = ALL_PERMISSIONS, sub = 'alice') =>
    issuer.token({ sub, permissions });
  const others: RunningGateway[] = [];
  return {
    nats,
    nc,
    issuer,
    responders,
    gateway,
    events,
    token,
    async api(method, path, o = {}) {
      const auth = o.token === null ? undefined : (o.token ?? token(o.permissions, o.sub));
      const res = await fetch(`${gateway.url}${path}`, {
        method,
        headers: {
          ...(auth ? { authorization: `Bearer ${auth}` } : {}),
          ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(o.body !== undefined
          ? { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) }
          : {}),
      });
      const text = await res.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      return { status: res.status, body, text, headers: res.headers };
    },
    async startAnother(overrides = {}, extra = {}) {
      const g = await startGateway({
        config: env(overrides),
        nc: gatewayNc,
        logger,
        ...options.gateway,
        ...extra,
      });
      others.push(g);
      return g;
    },
    async stop() {
      for (const g of others) await g.stop().catch(() => undefined);
      await gateway.stop().catch(() => undefined);
      await responders.stop();
      await gatewayNc.close();
      await nc.close();
      await issuer.stop();
      if (!options.nats) await nats.stop();
    },
  };
}

/** Resolves once `check` passes, re-checking after every captured event or session message. */
export async function eventually<T>(
  check: () => T | undefined | false,
  what: string,
  attempts = 400,
): Promise<T> {
  for (let i = 0; i < attempts; i += 1) {
    const v = check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for: ${what}`);
}
