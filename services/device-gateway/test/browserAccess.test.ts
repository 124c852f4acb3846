import { type IncomingHttpHeaders, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayHarness, startGatewayHarness } from './support/gatewayHarness.ts';

const CONSOLE = 'http://127.0.0.1:9300';
let h: GatewayHarness;
beforeAll(async () => {
  h = await startGatewayHarness({
    env: { GATEWAY_ALLOWED_ORIGINS: CONSOLE, GATEWAY_ALLOWED_HOSTS: 'gw1.example.com' },
  });
});
afterAll(async () => {
  await h?.stop();
});

/** A raw HTTP/1.1 request, so the test (not fetch) decides the Host and Origin headers. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: h.gateway.port, method, path, headers, setHost: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const host = () => `127.0.0.1:${h.gateway.port}`;

describe('Host check (DNS rebinding)', () => {
  it('refuses a request for a name the gateway does not answer for, /healthz included, naming it', async () => {
    for (const path of ['/healthz', '/devices']) {
      const r = await raw('GET', path, { host: `rebind.evil.example:${h.gateway.port}` });
      expect(r.status, path).toBe(403);
      expect(JSON.parse(r.text).error).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining(`"rebind.evil.example:${h.gateway.port}"`),
      });
    }
  });

  it('answers loopback names with any port and the names in GATEWAY_ALLOWED_HOSTS', async () => {
    for (const name of ['localhost:1', '[::1]:9333', host(), 'gw1.example.com:9333']) {
      expect((await raw('GET', '/healthz', { host: name })).status, name).toBe(200);
    }
  });
});

describe('CORS', () => {
  const auth = () => ({ authorization: `Bearer ${h.token()}` });

  it('refuses a request from an origin not in GATEWAY_ALLOWED_ORIGINS, without a CORS grant', async () => {
    const r = await raw('GET', '/devices', {
      host: host(),
      origin: 'https://evil.example',
      ...auth(),
    });
    expect(r.status).toBe(403);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect(JSON.parse(r.text).error.message).toContain('"https://evil.example"');
  });

  it('refuses a preflight from an origin not in the list', async () => {
    const r = await raw('OPTIONS', '/devices', {
      host: host(),
      origin: 'https://evil.example',
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    });
    expect(r.status).toBe(403);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect(r.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('grants the console’s origin on a request, exposing Content-Disposition', async () => {
    const r = await raw('GET', '/devices', { host: host(), origin: CONSOLE, ...auth() });
    expect(r.status, r.text).toBe(200);
    expect(r.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(r.headers.vary).toMatch(/Origin/);
    expect(r.headers['access-control-expose-headers']).toBe('Content-Disposition');
  });

  it('answers the console’s preflight with methods, headers, max age and Private Network Access', async () => {
    const r = await raw('OPTIONS', '/devices/x/assign', {
      host: host(),
      origin: CONSOLE,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
      'access-control-request-private-network': 'true',
    });
    expect(r.status).toBe(204);
    expect(r.headers).toMatchObject({
      'access-control-allow-origin': CONSOLE,
      'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE',
      'access-control-allow-headers': 'Authorization,Content-Type',
      'access-control-max-age': '600',
      'access-control-allow-private-network': 'true',
    });
  });
});
