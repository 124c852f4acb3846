import { randomUUID } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { bearerOf, requireBearer } from '../common/bearer.ts';
import { type Clock, systemClock } from '../common/clock.ts';
import { listenLocal } from '../common/listen.ts';
import { createOAuthServer } from '../common/oauthServer.ts';
import { EmulatorState } from '../common/state.ts';
import type { NewUser } from '../common/users.ts';
import { graphFaultBody, sendGraphError } from './errors.ts';
import { mountFido2Routes } from './fido2Routes.ts';
import {
  ENTRA_DEFAULT_GRANTS,
  type EntraOperation,
  EntraPermissions,
  GRAPH_DEFAULT_SCOPE,
} from './permissions.ts';
import { queryUsers, renderGraphUser } from './userQuery.ts';

export interface EntraClientSpec {
  clientId: string;
  clientSecret: string;
  /** Application permissions (app roles) granted by admin consent. */
  permissions: string[];
}

export interface EntraEmulatorOptions {
  /** Default: a random GUID. */
  tenantId?: string;
  /** Default: one client `keyward-entra` with a random secret and ENTRA_DEFAULT_GRANTS. */
  clients?: EntraClientSpec[];
  users?: NewUser[];
  /** RP ID in creation options. Default `login.microsoft.com` (idp-apis.md §1.3). */
  rpId?: string;
  clock?: Clock;
}

/**
 * Microsoft Entra ID + Microsoft Graph v1.0 emulator on one 127.0.0.1 port:
 * `/{tenant}/oauth2/v2.0/token` (client credentials, client secret) and `/v1.0/users...`.
 */
export async function startEntraEmulator(options: EntraEmulatorOptions = {}) {
  const {
    tenantId = randomUUID(),
    clients = [
      { clientId: 'keyward-entra', clientSecret: randomUUID(), permissions: ENTRA_DEFAULT_GRANTS },
    ],
    users = [],
    rpId = 'login.microsoft.com',
    clock = systemClock,
  } = options;
  const app = express();
  const listening = await listenLocal(app);
  const baseUrl = listening.origin;
  const state = new EmulatorState(clock, 'guid');
  for (const c of clients) state.setGrants(c.clientId, c.permissions);
  for (const u of users) state.addUser(u);

  const oauth = await createOAuthServer({
    issuer: `${baseUrl}/${tenantId}`,
    tokenPath: '/oauth2/v2.0/token',
    jwksPath: '/discovery/v2.0/keys',
    scopes: [GRAPH_DEFAULT_SCOPE],
    clients: clients.map((c) => ({ clientId: c.clientId, clientSecret: c.clientSecret })),
  });

  const api = express.Router();
  api.use(state.faults.middleware(graphFaultBody));
  api.use(
    requireBearer(oauth, (res) =>
      sendGraphError(res, 401, 'InvalidAuthenticationToken', 'Access token validation failure.'),
    ),
  );
  api.use(express.json({ limit: '1mb' }));
  const need =
    (op: EntraOperation): RequestHandler =>
    (_req, res, next) => {
      const { clientId } = bearerOf(res);
      const accepted = EntraPermissions[op];
      if (accepted.some((p) => state.hasGrant(clientId, p))) return next();
      sendGraphError(
        res,
        403,
        'accessDenied',
        `Insufficient privileges to complete the operation. Missing application permission: one of ${accepted.join(', ')}.`,
      );
    };

  api.get('/v1.0/users', need('readUsers'), (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    const eventual = String(req.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
    const result = queryUsers([...state.users.values()], q, eventual);
    if (!result.ok) return sendGraphError(res, 400, result.code, result.message);
    res.json({
      '@odata.context': `${baseUrl}/v1.0/$metadata#users`,
      ...(result.count !== undefined ? { '@odata.count': result.count } : {}),
      value: result.users.map(renderGraphUser),
    });
  });
  mountFido2Routes(api, {
    state,
    rpId,
    graphOrigin: baseUrl,
    guard: { read: need('readPasskeys'), write: need('writePasskeys') },
  });
  api.get('/v1.0/users/:user', need('readUsers'), (req, res) => {
    const user = state.findUser(String(req.params.user));
    if (!user) {
      return sendGraphError(
        res,
        404,
        'Request_ResourceNotFound',
        `Resource '${req.params.user}' does not exist or one of its queried reference-property objects are not present.`,
      );
    }
    res.json({
      '@odata.context': `${baseUrl}/v1.0/$metadata#users/$entity`,
      ...renderGraphUser(user),
    });
  });
  api.use((_req, res) =>
    sendGraphError(res, 400, 'BadRequest', 'Resource not found for the segment.'),
  );

  app.use('/v1.0', (req, res, next) => {
    req.url = `/v1.0${req.url}`;
    api(req, res, next);
  });
  app.use(`/${tenantId}`, oauth.callback);

  return {
    baseUrl,
    /** Stand-in for https://login.microsoftonline.com */
    loginBaseUrl: baseUrl,
    /** Stand-in for https://graph.microsoft.com */
    graphBaseUrl: baseUrl,
    tenantId,
    tokenUrl: oauth.tokenUrl,
    issuer: `${baseUrl}/${tenantId}`,
    rpId,
    origin: `https://${rpId}`,
    clients,
    state,
    stop: () => listening.close(),
  };
}

export type EntraEmulator = Awaited<ReturnType<typeof startEntraEmulator>>;
