import type { KeywardErrorCode } from '@keyward/contracts';

/**
 * What can go wrong talking to an IdP, one entry per distinct answer Test Connection gives. Each
 * maps to a Keyward error code and says whether retrying the same call can help.
 */
export const IdpFailureKind = {
  DNS: { code: 'UPSTREAM_UNAVAILABLE', retryable: true, label: 'DNS lookup failed' },
  TLS: { code: 'UPSTREAM_UNAVAILABLE', retryable: false, label: 'TLS handshake failed' },
  CONNECTION_REFUSED: {
    code: 'UPSTREAM_UNAVAILABLE',
    retryable: true,
    label: 'connection refused',
  },
  NETWORK: { code: 'UPSTREAM_UNAVAILABLE', retryable: true, label: 'network error' },
  TIMEOUT: { code: 'TIMEOUT', retryable: true, label: 'timed out' },
  BAD_CREDENTIALS: { code: 'IDP_AUTH_FAILED', retryable: false, label: 'bad credentials (401)' },
  MISSING_PERMISSION: {
    code: 'IDP_AUTH_FAILED',
    retryable: false,
    label: 'missing permission (403)',
  },
  NOT_FOUND: { code: 'NOT_FOUND', retryable: false, label: 'not found (404)' },
  RATE_LIMITED: { code: 'RATE_LIMITED', retryable: true, label: 'rate limited (429)' },
  REJECTED: { code: 'UPSTREAM_FAILED', retryable: false, label: 'request rejected (4xx)' },
  ATTESTATION_REJECTED: {
    code: 'ATTESTATION_INVALID',
    retryable: false,
    label: 'attestation rejected',
  },
  PROVIDER_ERROR: { code: 'UPSTREAM_FAILED', retryable: true, label: 'provider error (5xx)' },
  INVALID_RESPONSE: { code: 'UPSTREAM_FAILED', retryable: false, label: 'unexpected response' },
} as const satisfies Record<string, { code: KeywardErrorCode; retryable: boolean; label: string }>;

export type IdpFailureKindName = keyof typeof IdpFailureKind;

/** System error codes (Node/undici) per kind; the first matching code in the cause chain wins. */
const NETWORK_CODES: Record<string, IdpFailureKindName> = {
  ENOTFOUND: 'DNS',
  EAI_AGAIN: 'DNS',
  EAI_NONAME: 'DNS',
  ECONNREFUSED: 'CONNECTION_REFUSED',
  ECONNRESET: 'NETWORK',
  EHOSTUNREACH: 'NETWORK',
  ENETUNREACH: 'NETWORK',
  EPIPE: 'NETWORK',
  UND_ERR_SOCKET: 'NETWORK',
  UND_ERR_CONNECT_TIMEOUT: 'TIMEOUT',
  UND_ERR_HEADERS_TIMEOUT: 'TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'TIMEOUT',
  ETIMEDOUT: 'TIMEOUT',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS',
  CERT_HAS_EXPIRED: 'TLS',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS',
  EPROTO: 'TLS',
};

/**
 * Classifies a thrown network error by walking its `cause` chain for a system error code
 * (fetch wraps them: `TypeError: fetch failed` → cause `{code:'ENOTFOUND'}`).
 */
export function classifyNetworkError(error: unknown): {
  kind: IdpFailureKindName;
  systemCode?: string;
} {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth += 1) {
    if (typeof current === 'object') {
      const { code, name } = current as { code?: unknown; name?: unknown };
      if (typeof code === 'string') {
        const kind =
          NETWORK_CODES[code] ??
          (code.startsWith('ERR_TLS') || code.includes('CERT') ? 'TLS' : undefined);
        if (kind) return { kind, systemCode: code };
      }
      if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'TIMEOUT' };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return { kind: 'NETWORK' };
}

/** The kind for an HTTP status from a provider API (not the token endpoint). */
export function kindForStatus(status: number): IdpFailureKindName {
  if (status === 401) return 'BAD_CREDENTIALS';
  if (status === 403) return 'MISSING_PERMISSION';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'PROVIDER_ERROR';
  return 'REJECTED';
}
