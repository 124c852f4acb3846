import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { ConsoleConfig } from '../config.ts';
import { NetworkError } from './errors.ts';
import type { paths as GatewayPaths } from './generated/gateway.ts';
import type { paths as IdentityPaths } from './generated/identity.ts';
import type { paths as PolicyPaths } from './generated/policy.ts';
import type { paths as ReportingPaths } from './generated/reporting.ts';

export interface ApiClients {
  /** The workstation's own device gateway (direct, CORS). */
  gateway: Client<GatewayPaths>;
  /** Central services through the console's same-origin proxy. */
  policy: Client<PolicyPaths>;
  identity: Client<IdentityPaths>;
  reporting: Client<ReportingPaths>;
  gatewayUrl: string;
  /** Same-origin `fetch` with the token, for routes outside the generated clients (whoami). */
  authorizedFetch(url: string, init?: RequestInit): Promise<Response>;
}

export interface TokenSource {
  /** The current access token, or undefined when signed out or expired. */
  token(): string | undefined;
  /** A call came back 401: the session is over (expired or revoked). */
  onUnauthorized(): void;
}

function authMiddleware(tokens: TokenSource): Middleware {
  return {
    onRequest({ request }) {
      const token = tokens.token();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) tokens.onUnauthorized();
      return response;
    },
  };
}

/** A fetch that turns "no answer at all" into a NetworkError naming the URL. */
const fetchOrNetworkError: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const url = input instanceof Request ? input.url : String(input);
    throw new NetworkError(url, cause);
  }
};

/** One typed client per service (openapi-fetch over the generated OpenAPI types). */
export function createApiClients(config: ConsoleConfig, tokens: TokenSource): ApiClients {
  const middleware = authMiddleware(tokens);
  const make = <P extends {}>(baseUrl: string) => {
    const client = createClient<P>({ baseUrl, fetch: fetchOrNetworkError });
    client.use(middleware);
    return client;
  };
  const service = (name: string) =>
    `${window.location.origin}${config.services[name] ?? `/api/${name}`}`;
  return {
    gateway: make<GatewayPaths>(config.gatewayUrl),
    policy: make<PolicyPaths>(service('policy')),
    identity: make<IdentityPaths>(service('identity')),
    reporting: make<ReportingPaths>(service('reporting')),
    gatewayUrl: config.gatewayUrl,
    async authorizedFetch(url, init = {}) {
      const headers = new Headers(init.headers);
      const token = tokens.token();
      if (token) headers.set('Authorization', `Bearer ${token}`);
      const response = await fetchOrNetworkError(url, { ...init, headers });
      if (response.status === 401) tokens.onUnauthorized();
      return response;
    },
  };
}
