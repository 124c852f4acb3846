import { describe, expect, it } from 'vitest';
import { gatewayConfigSchema } from '../config.ts';
import { SimFleet } from './simFleet.ts';

describe('KEYWARD_SIM_DEVICES', () => {
  it('parses counts per profile', () => {
    expect(SimFleet.parseSpec('3:generic,1:enterprise')).toEqual([
      { profile: 'generic', count: 3 },
      { profile: 'enterprise', count: 1 },
    ]);
    expect(SimFleet.parseSpec('nfc-only')).toEqual([{ profile: 'nfc-only', count: 1 }]);
  });

  it.each(['3:yubikey', 'x:generic', '-1:generic'])('rejects %j naming the part', (spec) => {
    expect(() => SimFleet.parseSpec(spec)).toThrow(spec);
  });
});

describe('gateway configuration', () => {
  const base = {
    AUTH_ISSUER: 'http://127.0.0.1:9400',
    NATS_CREDENTIALS: '/data/bus/gw.creds.json',
  };

  it('defaults to port 9333, HID on, PC/SC and simulation off', () => {
    const c = gatewayConfigSchema.parse(base);
    expect(c).toMatchObject({
      HTTP_PORT: 9333,
      KEYWARD_HID: true,
      KEYWARD_PCSC: false,
      KEYWARD_SIM: false,
      SERVICE_NAME: 'device-gateway',
    });
  });

  it('parses a modelled latency profile and rejects a malformed one', () => {
    expect(
      gatewayConfigSchema.parse({ ...base, KEYWARD_SIM_LATENCY: 'config=200,clientPin=50' })
        .KEYWARD_SIM_LATENCY,
    ).toEqual({ config: 200, clientPin: 50 });
    expect(
      gatewayConfigSchema.safeParse({ ...base, KEYWARD_SIM_LATENCY: 'config:200' }).success,
    ).toBe(false);
  });

  it('reads the browser allow-lists as exact origins and host names, rejecting a URL naming it', () => {
    const c = gatewayConfigSchema.parse({
      ...base,
      GATEWAY_ALLOWED_ORIGINS: 'http://127.0.0.1:9300, http://localhost:9300',
      GATEWAY_ALLOWED_HOSTS: 'GW1.example.com',
    });
    expect(c.GATEWAY_ALLOWED_ORIGINS).toEqual(['http://127.0.0.1:9300', 'http://localhost:9300']);
    expect(c.GATEWAY_ALLOWED_HOSTS).toEqual(['gw1.example.com']);
    expect(gatewayConfigSchema.parse(base).GATEWAY_ALLOWED_ORIGINS).toEqual([]);
    const bad = gatewayConfigSchema.safeParse({ ...base, GATEWAY_ALLOWED_ORIGINS: 'http://x:1/' });
    expect(bad.error?.issues[0]?.message).toContain('"http://x:1/" is not an origin');
  });
});
