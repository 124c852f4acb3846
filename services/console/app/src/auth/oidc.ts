import * as oauth from 'oauth4webapi';
import type { ConsoleConfig } from '../config.ts';

/** A signed-in session; held in memory only (never localStorage or sessionStorage). */
export interface Session {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  idToken: string | undefined;
  user: { sub: string; name: string; username: string | undefined };
}

/** What must survive the redirect to the provider and back: no token, only the PKCE proof. */
interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  /** Where to return inside the app (path + search). */
  returnTo: string;
}

const PENDING_KEY = 'keyward.signin';
export const CALLBACK_PATH = '/auth/callback';
/** Popup sign-ins (session expired) mark their state so the callback page knows to hand over. */
const POPUP_PREFIX = 'popup.';
const CHANNEL = 'keyward.signin';

/** Authorization code + PKCE against the configured provider (oauth4webapi). */
export class OidcClient {
  readonly #config: ConsoleConfig['oidc'];
  readonly #client: oauth.Client;
  #server: oauth.AuthorizationServer | undefined;
  readonly #insecure: boolean;

  constructor(config: ConsoleConfig['oidc']) {
    this.#config = config;
    this.#client = { client_id: config.clientId };
    // Development providers run on http://127.0.0.1; production ones must be https.
    this.#insecure = new URL(config.issuer).protocol === 'http:';
  }

  get redirectUri(): string {
    return `${window.location.origin}${CALLBACK_PATH}`;
  }

  async server(): Promise<oauth.AuthorizationServer> {
    if (this.#server) return this.#server;
    const issuer = new URL(this.#config.issuer);
    const response = await oauth.discoveryRequest(issuer, {
      algorithm: 'oidc',
      [oauth.allowInsecureRequests]: this.#insecure,
    });
    this.#server = await oauth.processDiscoveryResponse(issuer, response);
    return this.#server;
  }

  /** The provider's authorization URL; the PKCE verifier is kept in this tab until the callback. */
  async authorizationUrl(options: {
    returnTo: string;
    popup?: boolean;
    prompt?: string;
  }): Promise<string> {
    const server = await this.server();
    if (!server.authorization_endpoint)
      throw new Error('the provider has no authorization endpoint');
    const verifier = oauth.generateRandomCodeVerifier();
    const state = `${options.popup ? POPUP_PREFIX : ''}${oauth.generateRandomState()}`;
    const pending: PendingSignIn = {
      state,
      nonce: oauth.generateRandomNonce(),
      verifier,
      returnTo: options.returnTo,
    };
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    const url = new URL(server.authorization_endpoint);
    url.searchParams.set('client_id', this.#config.clientId);
    url.searchParams.set('redirect_uri', this.redirectUri);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', this.#config.scope);
    url.searchParams.set('state', state);
    url.searchParams.set('nonce', pending.nonce);
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
    url.searchParams.set('code_challenge_method', 'S256');
    if (options.prompt) url.searchParams.set('prompt', options.prompt);
    return url.href;
  }

  /** Exchanges the code at the callback URL for tokens; returns the session and where to go. */
  async completeSignIn(callbackUrl: URL): Promise<{ session: Session; returnTo: string }> {
    const raw = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    if (!raw) throw new Error('no sign-in was started in this tab');
    const pending = JSON.parse(raw) as PendingSignIn;
    const server = await this.server();
    const params = oauth.validateAuthResponse(server, this.#client, callbackUrl, pending.state);
    const response = await oauth.authorizationCodeGrantRequest(
      server,
      this.#client,
      oauth.None(),
      params,
      this.redirectUri,
      pending.verifier,
      { [oauth.allowInsecureRequests]: this.#insecure },
    );
    const result = await oauth.processAuthorizationCodeResponse(server, this.#client, response, {
      expectedNonce: pending.nonce,
      requireIdToken: true,
    });
    const claims = oauth.getValidatedIdTokenClaims(result);
    const name = typeof claims?.name === 'string' ? claims.name : String(claims?.sub ?? '');
    const username =
      typeof claims?.preferred_username === 'string' ? claims.preferred_username : undefined;
    return {
      session: {
        accessToken: result.access_token,
        expiresAt: Date.now() + (result.expires_in ?? 300) * 1000,
        idToken: result.id_token,
        user: { sub: String(claims?.sub ?? ''), name, username },
      },
      returnTo: pending.returnTo,
    };
  }

  /** RP-initiated logout at the provider, back to the console's start page. */
  async signOutUrl(idToken: string | undefined): Promise<string | undefined> {
    const server = await this.server();
    if (!server.end_session_endpoint) return undefined;
    const url = new URL(server.end_session_endpoint);
    url.searchParams.set('client_id', this.#config.clientId);
    url.searchParams.set('post_logout_redirect_uri', `${window.location.origin}/`);
    if (idToken) url.searchParams.set('id_token_hint', idToken);
    return url.href;
  }
}

/** True in the popup window of a "session expired, sign in again" round trip. */
export function isPopupCallback(url: URL): boolean {
  return (
    url.pathname === CALLBACK_PATH && (url.searchParams.get('state') ?? '').startsWith(POPUP_PREFIX)
  );
}

/**
 * The popup hands the callback URL to the window that opened it (same origin) and closes; the
 * opener holds the PKCE verifier and keeps its page exactly as it was.
 */
export function handOverPopupCallback(url: URL): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ callbackUrl: url.href });
  channel.close();
  window.close();
}

/** Resolves with the callback URL the sign-in popup reports. */
export function awaitPopupCallback(signal: AbortSignal): Promise<URL> {
  return new Promise((resolve, reject) => {
    const channel = new BroadcastChannel(CHANNEL);
    const done = () => channel.close();
    channel.onmessage = (event: MessageEvent<{ callbackUrl?: string }>) => {
      if (!event.data.callbackUrl) return;
      done();
      resolve(new URL(event.data.callbackUrl));
    };
    signal.addEventListener('abort', () => {
      done();
      reject(signal.reason);
    });
  });
}
