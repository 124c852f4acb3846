import express, { type RequestHandler } from 'express';
import type * as jose from 'jose';
import { bearerOf, requireBearer } from '../common/bearer.ts';
import { type Clock, systemClock } from '../common/clock.ts';
import { listenLocal } from '../common/listen.ts';
import { createOAuthServer } from '../common/oauthServer.ts';
import { EmulatorState } from '../common/state.ts';
import type { NewUser } from '../common/users.ts';
import { oktaFaultBody, sendOktaError } from './errors.ts';
import { mountFactorRoutes } from './factorRoutes.ts';
import { renderOktaUser } from './render.ts';
import { OKTA_KNOWN_SCOPES, OktaScopes } from './scopes.ts';
import { searchOktaUsers } from './userSearch.ts';

export interface OktaClientSpec {
  clientId: string;
  /** The public half of the service app's key (private_key_jwt), with `kid`. */
  publicJwk: jose.JWK;
  /** Scopes granted on the app's "Okta API Scopes" tab. */
  grantedScopes: string[];
}

export interface OktaEmulatorOptions {
  clients: OktaClientSpec[];
  users?: NewUser[];
  orgName?: string;
  clock?: Clock;
}

/**
 * Okta org emulator on one 127.0.0.1 port: org authorization server (`/oauth2/v1/token`,
 * private_key_jwt only) and the management API under `/api/v1`. The org URL is the origin and
 * its host the RP ID, as on a real org (idp-apis.md §2.3–2.4).
 */
export async function startOktaEmulator(options: OktaEmulatorOptions) {
  const { clients, users = [], orgName = 'Keyward Test', clock = systemClock } = options;
  const app = express();
  const listening = await listenLocal(app);
  const baseUrl = listening.origin;
  const apiUrl = `${baseUrl}/api/v1`;
  const state = new EmulatorState(clock, 'okta');
  for (const c of clients) state.setGrants(c.clientId, c.grantedScopes);
  for (const u of users) state.addUser(u);

  const oauth = await createOAuthServer({
    issuer: baseUrl,
    tokenPath: '/oauth2/v1/token',
    jwksPath: '/oauth2/v1/keys',
    scopes: OKTA_KNOWN_SCOPES,
    clients: clients.map((c) => ({ clientId: c.clientId, publicJwk: c.publicJwk })),
    clientScopes: (id) => [...(state.grants.get(id) ?? [])],
  });

  const api = express.Router();
  api.use(state.faults.middleware(oktaFaultBody));
  api.use(requireBearer(oauth, (res) => sendOktaError(res, 'E0000011')));
  api.use(express.json({ limit: '1mb' }));
  const needScope =
    (scope: string, alsoOk: string[] = []): RequestHandler =>
    (_req, res, next) => {
      const { clientId, scopes } = bearerOf(res);
      // A scope counts while it is in the token and still granted to the app (grants revoked
      // after issuance take effect at once, so tests can revoke without waiting out a token).
      const has = (s: string) => scopes.has(s) && state.hasGrant(clientId, s);
      if (has(scope) || alsoOk.some(has)) return next();
      res.setHeader(
        'WWW-Authenticate',
        `Bearer authorization_uri="${baseUrl}/oauth2/v1/authorize", realm="${baseUrl}", scope="${scope}", error="insufficient_scope", error_description="The access token provided does not contain the required scopes."`,
      );
      sendOktaError(res, 'E0000006', [
        `The access token provided does not contain the required scope: ${scope}`,
      ]);
    };
  const read = needScope(OktaScopes.readUsers, [OktaScopes.manageUsers]);
  const manage = needScope(OktaScopes.manageUsers);

  api.get('/api/v1/users', read, (req, res) => {
    const result = searchOktaUsers([...state.users.values()], req.query);
    if (!result.ok) return sendOktaError(res, 'E0000001', [result.cause]);
    res.json(result.users.map((u) => renderOktaUser(u, apiUrl)));
  });
  mountFactorRoutes(api, {
    state,
    apiUrl,
    origin: baseUrl,
    rpId: new URL(baseUrl).hostname,
    orgName,
    guard: { read, manage },
  });
  api.get('/api/v1/users/:userId', read, (req, res) => {
    const user = state.findUser(String(req.params.userId));
    if (!user)
      return sendOktaError(
        res,
        'E0000007',
        [],
        `Not found: Resource not found: ${req.params.userId} (User)`,
      );
    res.json(renderOktaUser(user, apiUrl));
  });
  api.use((_req, res) => sendOktaError(res, 'E0000007', [], 'Not found: Resource not found'));

  app.use('/api/v1', (req, res, next) => {
    req.url = `/api/v1${req.url}`;
    api(req, res, next);
  });
  app.use(oauth.callback);

  return {
    /** The org URL, `https://{yourOktaDomain}` on a real org. */
    baseUrl,
    apiUrl,
    issuer: baseUrl,
    tokenUrl: oauth.tokenUrl,
    origin: baseUrl,
    rpId: new URL(baseUrl).hostname,
    state,
    stop: () => listening.close(),
  };
}

export type OktaEmulator = Awaited<ReturnType<typeof startOktaEmulator>>;
