import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import express, { type Response } from 'express';
import { requireBearer } from '../common/bearer.ts';
import { type Clock, systemClock } from '../common/clock.ts';
import { listenLocal } from '../common/listen.ts';
import { createOAuthServer } from '../common/oauthServer.ts';
import { EmulatorState } from '../common/state.ts';
import type { DirectoryUser, NewUser } from '../common/users.ts';

export interface ScimEmulatorOptions {
  clients?: { clientId: string; clientSecret: string }[];
  users?: NewUser[];
  /** Shared secret of the passkey webhook (HMAC-SHA256 over the raw body). */
  webhookSecret: string;
  clock?: Clock;
}

/** A webhook delivery as received, with whether its signature verified. */
export interface WebhookDelivery {
  event: string;
  body: Record<string, unknown>;
  signatureValid: boolean;
}

const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** SCIM error (RFC 7644 §3.12). */
function sendScimError(res: Response, status: number, detail: string, scimType?: string) {
  res.status(status).json({
    schemas: [ERROR_SCHEMA],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  });
}

function renderScimUser(u: DirectoryUser, base: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    id: u.id,
    userName: u.login,
    displayName: u.displayName,
    name: { givenName: u.givenName, familyName: u.surname },
    emails: [{ value: u.email, primary: true }],
    active: true,
    meta: { resourceType: 'User', location: `${base}/Users/${u.id}` },
  };
}

/**
 * A customer's "generic" IdP: a SCIM 2.0 user store behind a client-credentials OAuth server
 * (oidc-provider) and the passkey webhook Keyward reports registrations to.
 */
export async function startScimEmulator(options: ScimEmulatorOptions) {
  const {
    clients = [{ clientId: 'keyward-scim', clientSecret: randomUUID() }],
    users = [],
    clock = systemClock,
  } = options;
  const app = express();
  const listening = await listenLocal(app);
  const baseUrl = listening.origin;
  const scimBaseUrl = `${baseUrl}/scim/v2`;
  const state = new EmulatorState(clock, 'guid');
  for (const u of users) state.addUser(u);
  const deliveries: WebhookDelivery[] = [];

  const oauth = await createOAuthServer({
    issuer: `${baseUrl}/oauth`,
    tokenPath: '/token',
    scopes: ['scim.read'],
    clients: clients.map((c) => ({ clientId: c.clientId, clientSecret: c.clientSecret })),
  });

  const scim = express.Router();
  scim.use(
    state.faults.middleware((status) => ({
      schemas: [ERROR_SCHEMA],
      status: String(status),
      detail: 'temporarily unavailable',
    })),
  );
  scim.use(
    requireBearer(oauth, (res) =>
      sendScimError(res, 401, 'Authorization failure: missing or invalid bearer token.'),
    ),
  );
  scim.get('/Users', (req, res) => {
    const filter = typeof req.query.filter === 'string' ? req.query.filter : undefined;
    let found = [...state.users.values()];
    if (filter) {
      const m = /^userName (eq|sw) "([^"]*)"$/i.exec(filter.trim());
      if (!m) return sendScimError(res, 400, `Unsupported filter: ${filter}`, 'invalidFilter');
      const value = (m[2] ?? '').toLowerCase();
      found = found.filter((u) =>
        m[1]?.toLowerCase() === 'eq'
          ? u.login.toLowerCase() === value
          : u.login.toLowerCase().startsWith(value),
      );
    }
    const count = req.query.count === undefined ? 100 : Math.max(0, Number(req.query.count) || 0);
    const page = found.slice(0, count);
    res.json({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: found.length,
      startIndex: 1,
      itemsPerPage: page.length,
      Resources: page.map((u) => renderScimUser(u, scimBaseUrl)),
    });
  });
  scim.get('/Users/:id', (req, res) => {
    const u = state.users.get(String(req.params.id));
    if (!u) return sendScimError(res, 404, `Resource ${req.params.id} not found.`);
    res.json(renderScimUser(u, scimBaseUrl));
  });

  app.use('/scim/v2', scim);
  app.post(
    '/hooks/keyward',
    express.raw({ type: 'application/json', limit: '1mb' }),
    (req, res) => {
      const raw = req.body as Buffer;
      const expected = Buffer.from(
        `sha256=${createHmac('sha256', options.webhookSecret).update(raw).digest('hex')}`,
      );
      const given = Buffer.from(String(req.headers['x-keyward-signature'] ?? ''));
      const signatureValid = given.length === expected.length && timingSafeEqual(given, expected);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {}
      deliveries.push({ event: String(body.event ?? ''), body, signatureValid });
      res.status(signatureValid ? 204 : 401).end();
    },
  );
  app.use('/oauth', oauth.callback);

  return {
    baseUrl,
    scimBaseUrl,
    tokenUrl: oauth.tokenUrl,
    webhookUrl: `${baseUrl}/hooks/keyward`,
    clients,
    state,
    deliveries,
    stop: () => listening.close(),
  };
}

export type ScimEmulator = Awaited<ReturnType<typeof startScimEmulator>>;
