import { describe, expect, it } from 'vitest';
import { classifyNetworkError, kindForStatus } from './failureKind.ts';
import { failureKindOf, idpError, isRetryable } from './idpError.ts';

const fetchFailed = (code: string) =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

describe('IdP failure kinds', () => {
  it('finds the system error code inside fetch’s cause chain', () => {
    expect(classifyNetworkError(fetchFailed('ENOTFOUND'))).toEqual({
      kind: 'DNS',
      systemCode: 'ENOTFOUND',
    });
    expect(classifyNetworkError(fetchFailed('ECONNREFUSED')).kind).toBe('CONNECTION_REFUSED');
    expect(classifyNetworkError(fetchFailed('DEPTH_ZERO_SELF_SIGNED_CERT')).kind).toBe('TLS');
    expect(classifyNetworkError(fetchFailed('ERR_TLS_CERT_ALTNAME_INVALID')).kind).toBe('TLS');
    expect(classifyNetworkError(Object.assign(new Error('t'), { name: 'TimeoutError' })).kind).toBe(
      'TIMEOUT',
    );
    expect(classifyNetworkError(new Error('odd')).kind).toBe('NETWORK');
  });

  it('maps provider statuses', () => {
    expect([401, 403, 404, 429, 400, 503].map(kindForStatus)).toEqual([
      'BAD_CREDENTIALS',
      'MISSING_PERMISSION',
      'NOT_FOUND',
      'RATE_LIMITED',
      'REJECTED',
      'PROVIDER_ERROR',
    ]);
  });

  it('builds errors that name the missing permission and say whether to retry', () => {
    const e = idpError({
      kind: 'MISSING_PERMISSION',
      provider: 'okta',
      operation: 'enrollFactor',
      status: 403,
      missing: 'scope okta.users.manage',
      providerCode: 'E0000006',
    });
    expect(e.code).toBe('IDP_AUTH_FAILED');
    expect(e.message).toBe(
      'okta enrollFactor: missing permission (403) — missing scope okta.users.manage — E0000006',
    );
    expect(failureKindOf(e)).toBe('MISSING_PERMISSION');
    expect(isRetryable(e)).toBe(false);
    expect(isRetryable(idpError({ kind: 'RATE_LIMITED', provider: 'entra', operation: 'x' }))).toBe(
      true,
    );
  });
});
