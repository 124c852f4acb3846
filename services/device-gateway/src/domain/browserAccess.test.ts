import { describe, expect, it } from 'vitest';
import { checkHost, checkOrigin, hostName } from './browserAccess.ts';

describe('Host check', () => {
  it.each([
    ['localhost:9333', 'localhost'],
    ['LocalHost', 'localhost'],
    ['127.0.0.1:9333', '127.0.0.1'],
    ['[::1]:9333', '[::1]'],
    ['gw1.example.com.:80', 'gw1.example.com'],
  ])('reads the name of Host %j', (header, name) => {
    expect(hostName(header)).toBe(name);
  });

  it.each(['localhost:9333', '127.0.0.1', '[::1]:1', 'console.localhost:9333'])(
    'accepts the loopback name %j with any port',
    (host) => {
      expect(checkHost({ host, allowedHosts: [] })).toEqual({ ok: true });
    },
  );

  it('accepts a configured extra name, case-insensitively', () => {
    expect(checkHost({ host: 'GW1.example.com:9333', allowedHosts: ['gw1.example.com'] })).toEqual({
      ok: true,
    });
  });

  it.each([
    ['evil.example:9333', '"evil.example:9333"'],
    ['127.0.0.1.evil.example', '"127.0.0.1.evil.example"'],
    [undefined, 'no Host header'],
  ])('refuses Host %j naming it', (host, named) => {
    const decision = checkHost({ host, allowedHosts: ['gw1.example.com'] });
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.message).toContain(named);
  });
});

describe('Origin check', () => {
  const allowedOrigins = ['http://127.0.0.1:9300'];

  it('grants a listed origin, compared exactly', () => {
    expect(checkOrigin({ origin: 'http://127.0.0.1:9300', host: 'x', allowedOrigins })).toEqual({
      kind: 'allowed',
      origin: 'http://127.0.0.1:9300',
    });
    expect(
      checkOrigin({ origin: 'http://localhost:9300', host: 'x', allowedOrigins }),
    ).toMatchObject({ kind: 'refused' });
  });

  it('leaves requests without Origin and same-origin pages alone', () => {
    expect(checkOrigin({ origin: undefined, host: '127.0.0.1:9333', allowedOrigins })).toEqual({
      kind: 'none',
    });
    expect(
      checkOrigin({ origin: 'http://127.0.0.1:9333', host: '127.0.0.1:9333', allowedOrigins }),
    ).toEqual({ kind: 'same-origin' });
  });

  it('refuses an unlisted origin naming it and what is allowed', () => {
    const decision = checkOrigin({ origin: 'null', host: '127.0.0.1:9333', allowedOrigins: [] });
    expect(decision).toMatchObject({ kind: 'refused', origin: 'null' });
    if (decision.kind === 'refused') expect(decision.message).toContain('"null"');
    if (decision.kind === 'refused') expect(decision.message).toContain('allowed: none');
  });
});
