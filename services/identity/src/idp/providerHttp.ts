import { isKeywardError } from '@keyward/contracts';
import type { IdpFailureKindName } from '../domain/connection/failureKind.ts';
import { classifyNetworkError, kindForStatus } from '../domain/connection/failureKind.ts';
import { idpError } from '../domain/connection/idpError.ts';
import {
  DEFAULT_RETRY_POLICY,
  nextDelay,
  parseRetryAfter,
  type RetryPolicy,
} from '../domain/connection/retryPolicy.ts';

/** What a provider's error body says, in our words. */
export interface ParsedProviderError {
  providerCode?: string;
  providerMessage?: string;
  /** Overrides the status-derived kind (e.g. Okta E0000068 → ATTESTATION_REJECTED). */
  kind?: IdpFailureKindName;
}

/** Injected I/O so tests control time and the network without mocks of our own code. */
export interface ProviderIo {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  clock: () => Date;
  retry: RetryPolicy;
  /** Per-attempt timeout. Default 15 s. */
  timeoutMs: number;
}

export const defaultProviderIo = (): ProviderIo => ({
  fetch: globalThis.fetch.bind(globalThis),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  clock: () => new Date(),
  retry: DEFAULT_RETRY_POLICY,
  timeoutMs: 15_000,
});

export interface ProviderRequest {
  /** Names the operation in errors (`searchUsers`, `registerPasskey`, ...). */
  operation: string;
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  url: string;
  json?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  /** What a 403 on this call means we lack (scope / permission / role). */
  requires?: string;
  /**
   * Safe to repeat after a 5xx or a dropped connection. Default: true for GET/DELETE. Non-
   * idempotent calls are retried only when the provider certainly did not act (429, 503,
   * connection refused, DNS).
   */
  idempotent?: boolean;
}

export interface ProviderResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export interface ProviderHttpOptions {
  provider: string;
  io: ProviderIo;
  getToken: (forceRefresh: boolean) => Promise<string>;
  parseError: (status: number, body: unknown) => ParsedProviderError;
}

const SAFE_TO_RETRY_NON_IDEMPOTENT = new Set<IdpFailureKindName>([
  'RATE_LIMITED',
  'CONNECTION_REFUSED',
  'DNS',
]);

/**
 * The one catch point for provider API calls: bearer token (refreshed once on 401), timeout,
 * retries with backoff honouring Retry-After, and provider failures → KeywardError (idpError).
 */
export function createProviderHttp(options: ProviderHttpOptions) {
  const { provider, io, getToken, parseError } = options;

  async function once(req: ProviderRequest, forceRefresh: boolean): Promise<ProviderResponse> {
    const token = await getToken(forceRefresh);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...req.headers,
      authorization: `Bearer ${token}`,
    };
    let body: string | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] = req.contentType ?? 'application/json';
    }
    const res = await io.fetch(req.url, {
      method: req.method,
      headers,
      ...(body !== undefined ? { body } : {}),
      signal: AbortSignal.timeout(io.timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = text;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: res.status, body: text ? parsed : undefined, headers: res.headers };
  }

  return async function request(req: ProviderRequest): Promise<ProviderResponse> {
    const idempotent = req.idempotent ?? (req.method === 'GET' || req.method === 'DELETE');
    let refreshed = false;
    let forceNext = false;
    for (let attempt = 1; ; attempt += 1) {
      let failure: ReturnType<typeof idpError>;
      let kind: IdpFailureKindName;
      let retryAfterMs: number | undefined;
      try {
        const res = await once(req, forceNext);
        forceNext = false;
        if (res.status < 400) return res;
        if (res.status === 401 && !refreshed) {
          // The cached token may have been revoked or expired early: one fresh token, same call.
          refreshed = true;
          forceNext = true;
          attempt -= 1;
          continue;
        }
        const parsed = parseError(res.status, res.body);
        kind = parsed.kind ?? kindForStatus(res.status);
        retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), io.clock());
        failure = idpError({
          kind,
          provider,
          operation: req.operation,
          status: res.status,
          ...(parsed.providerCode ? { providerCode: parsed.providerCode } : {}),
          ...(parsed.providerMessage ? { providerMessage: parsed.providerMessage } : {}),
          ...(kind === 'MISSING_PERMISSION' && req.requires ? { missing: req.requires } : {}),
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        });
      } catch (err) {
        if (isKeywardError(err)) throw err;
        const net = classifyNetworkError(err);
        kind = net.kind;
        failure = idpError(
          {
            kind,
            provider,
            operation: req.operation,
            ...(net.systemCode ? { systemCode: net.systemCode } : {}),
          },
          err,
        );
      }
      const retryable =
        (failure.details?.retryable as boolean) &&
        (idempotent ||
          SAFE_TO_RETRY_NON_IDEMPOTENT.has(kind) ||
          (kind === 'PROVIDER_ERROR' && failure.details?.status === 503));
      const delay = retryable
        ? nextDelay({
            attempt,
            policy: io.retry,
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          })
        : undefined;
      if (delay === undefined) throw failure;
      await io.sleep(delay);
    }
  };
}

export type ProviderHttp = ReturnType<typeof createProviderHttp>;

/**
 * DELETE of a registered passkey: a 404 means the IdP no longer has it (deleted out of band or
 * by an earlier attempt), which a revoke treats as done rather than as a failure.
 */
export async function deleteIfPresent(
  http: ProviderHttp,
  req: ProviderRequest,
): Promise<{ alreadyGone: boolean }> {
  try {
    await http(req);
    return { alreadyGone: false };
  } catch (err) {
    if ((err as { details?: { status?: number } }).details?.status === 404) {
      return { alreadyGone: true };
    }
    throw err;
  }
}
