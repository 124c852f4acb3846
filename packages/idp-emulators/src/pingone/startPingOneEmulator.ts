import { randomUUID } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { bearerOf, requireBearer } from '../common/bearer.ts';
import { type Clock, systemClock } from '../common/clock.ts';
import { listenLocal } from '../common/listen.ts';
import { createOAuthServer } from '../common/oauthServer.ts';
import { EmulatorState } from '../common/state.ts';
import type { DirectoryUser, NewUser } from '../common/users.ts';
import { mountDeviceRoutes } from './deviceRoutes.ts';
import { PingRoles, pingFaultBody, sendPingError } from './errors.ts';

export interface PingOneClientSpec {
  clientId: string;
  clientSecret: string;
  /** Role assignments of the worker app. */
  roles: string[];
  /** Default client_secret_basic, as PingOne worker apps default to. */
  authMethod?: 'client_secret_basic' | 'client_secret_post';
}

export interface PingOneEmulatorOptions {
  envId?: string;
  /** Default: one worker app `keyward-worker` with a random secret and Identity Data Admin. */
  clients?: PingOneClientSpec[];
  users?: NewUser[];
  /** The FIDO2 device authentication policy id devices must reference. Default: random. */
  fido2PolicyId?: string;
  clock?: Clock;
}

function renderPingUser(u: DirectoryUser, apiUrl: string, envId: string) {
  return {
    _links: { self: { href: `${apiUrl}/environments/${envId}/users/${u.id}` } },
    id: u.id,
    environment: { id: envId },
    username: u.login,
    email: u.email,
    name: { given: u.givenName, family: u.surname, formatted: u.displayName },
    enabled: true,
  };
}

/**
 * PingOne emulator on one 127.0.0.1 port: `/{envId}/as/token` (client credentials, client secret)
 * and the Platform/MFA API under `/v1/environments/{envId}` (idp-apis.md §3).
 */
export async function startPingOneEmulator(options: PingOneEmulatorOptions = {}) {
  const {
    envId = randomUUID(),
    clients = [
      { clientId: 'keyward-worker', clientSecret: randomUUID(), roles: ['Identity Data Admin'] },
    ],
    users = [],
    fido2PolicyId = randomUUID(),
    clock = systemClock,
  } = options;
  const app = express();
  const listening = await listenLocal(app);
  const baseUrl = listening.origin;
  const apiUrl = `${baseUrl}/v1`;
  const state = new EmulatorState(clock, 'guid');
  for (const c of clients) state.setGrants(c.clientId, c.roles);
  for (const u of users) state.addUser(u);

  const oauth = await createOAuthServer({
    issuer: `${baseUrl}/${envId}/as`,
    tokenPath: '/token',
    scopes: ['openid'],
    clients: clients.map((c) => ({
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      authMethod: c.authMethod ?? 'client_secret_basic',
    })),
  });

  const api = express.Router();
  api.use(state.faults.middleware(pingFaultBody));
  api.use(
    requireBearer(oauth, (res) =>
      sendPingError(
        res,
        401,
        'INVALID_TOKEN',
        'The request could not be completed. The provided access token is invalid or expired.',
      ),
    ),
  );
  api.use(express.json({ type: ['application/json', 'application/*+json'], limit: '1mb' }));
  const needRole =
    (accepted: readonly string[]): RequestHandler =>
    (_req, res, next) => {
      const { clientId } = bearerOf(res);
      if (accepted.some((r) => state.hasGrant(clientId, r))) return next();
      sendPingError(
        res,
        403,
        'ACCESS_FAILED',
        `The request could not be completed. You do not have access to this resource. Missing role: one of ${accepted.join(', ')}.`,
      );
    };
  const readUsers = needRole(PingRoles.readUsers);
  const envBase = `/v1/environments/${envId}`;

  api.get(`${envBase}/users`, readUsers, (req, res) => {
    const filter = typeof req.query.filter === 'string' ? req.query.filter : undefined;
    let found = [...state.users.values()];
    if (filter !== undefined) {
      const m = /^(username|email) eq "([^"]*)"$/.exec(filter.trim());
      if (!m) {
        return sendPingError(
          res,
          400,
          'INVALID_DATA',
          'The request could not be completed. One or more validation errors were in the request.',
          [{ code: 'INVALID_FILTER', target: 'filter', message: `Unsupported filter: ${filter}` }],
        );
      }
      const value = (m[2] ?? '').toLowerCase();
      found = found.filter(
        (u) => (m[1] === 'username' ? u.login : u.email).toLowerCase() === value,
      );
    }
    const limit = req.query.limit === undefined ? 100 : Number(req.query.limit);
    const page = found.slice(0, Number.isInteger(limit) && limit > 0 ? Math.min(limit, 1000) : 100);
    res.json({
      _links: { self: { href: `${apiUrl}/environments/${envId}/users` } },
      _embedded: { users: page.map((u) => renderPingUser(u, apiUrl, envId)) },
      count: found.length,
      size: page.length,
    });
  });
  mountDeviceRoutes(api, { state, envId, fido2PolicyId, guard: needRole(PingRoles.manageDevices) });
  api.get(`${envBase}/users/:userId`, readUsers, (req, res) => {
    const user = state.findUser(String(req.params.userId));
    if (!user)
      return sendPingError(
        res,
        404,
        'NOT_FOUND',
        `Unable to find user with ID ${req.params.userId}.`,
      );
    res.json(renderPingUser(user, apiUrl, envId));
  });
  api.use((_req, res) =>
    sendPingError(res, 404, 'NOT_FOUND', 'The requested resource was not found.'),
  );

  app.use('/v1', (req, res, next) => {
    req.url = `/v1${req.url}`;
    api(req, res, next);
  });
  app.use(`/${envId}/as`, oauth.callback);

  return {
    baseUrl,
    /** Stand-in for https://api.pingone.{tld}/v1 */
    apiUrl,
    /** Stand-in for https://auth.pingone.{tld} */
    authBaseUrl: baseUrl,
    envId,
    fido2PolicyId,
    tokenUrl: oauth.tokenUrl,
    issuer: `${baseUrl}/${envId}/as`,
    clients,
    state,
    stop: () => listening.close(),
  };
}

export type PingOneEmulator = Awaited<ReturnType<typeof startPingOneEmulator>>;
