import { concatBytes, encodeCanonical, CtapStatus as S } from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../src/index.ts';
import { call, changePin, getToken, m, makeCredentialParams, setPin } from './helpers/ctapCalls.ts';

const CFG = 0x0d;

async function withPin(profile: 'generic' | 'enterprise' = 'generic', permissions = 0x20) {
  const auth = createAuthenticator({ profile });
  await setPin(auth, '1234');
  const t = await getToken(auth, '1234', {
    permissions,
    ...(permissions & 3 ? { rpId: 'example.com' } : {}),
  });
  const token = { protocol: t.session.protocol, value: t.token! };
  const cfg = (sub: number, params?: Map<number, unknown>) => {
    const msg = concatBytes(
      new Uint8Array(32).fill(0xff),
      Uint8Array.of(0x0d, sub),
      params ? encodeCanonical(params) : new Uint8Array(0),
    );
    const req = m([1, sub], [3, 2], [4, token.protocol.authenticate(token.value, msg)]);
    if (params) req.set(2, params);
    return call(auth, CFG, req);
  };
  return { auth, cfg };
}

const options = async (auth: ReturnType<typeof createAuthenticator>) =>
  (await call(auth, 0x04)).body.get(4) as Map<string, boolean>;

describe('authenticatorConfig', () => {
  it('toggles alwaysUv without auth on a key without PIN', async () => {
    const auth = createAuthenticator();
    expect((await call(auth, CFG, m([1, 0x02]))).status).toBe(S.CTAP2_OK);
    expect((await options(auth)).get('alwaysUv')).toBe(true);
  });

  it('needs an acfg token once a PIN is set (PUAT_REQUIRED, then PIN_AUTH_INVALID without acfg)', async () => {
    const { auth, cfg } = await withPin('generic', 0x04);
    expect((await call(auth, CFG, m([1, 0x02]))).status).toBe(S.CTAP2_ERR_PUAT_REQUIRED);
    expect((await call(auth, CFG, m([1, 0x02], [4, new Uint8Array(32)]))).status).toBe(
      S.CTAP2_ERR_MISSING_PARAMETER,
    );
    expect((await cfg(0x02)).status).toBe(S.CTAP2_ERR_PIN_AUTH_INVALID);
    expect((await options(auth)).get('alwaysUv')).toBe(false);
  });

  it('toggles alwaysUv with an acfg token, and the token stays usable', async () => {
    const { auth, cfg } = await withPin();
    expect((await cfg(0x02)).status).toBe(S.CTAP2_OK);
    expect((await options(auth)).get('alwaysUv')).toBe(true);
    expect((await cfg(0x02)).status).toBe(S.CTAP2_OK);
    expect((await options(auth)).get('alwaysUv')).toBe(false);
  });

  it('raises minPINLength, forces a PIN change when the PIN is now too short', async () => {
    const { auth, cfg } = await withPin();
    expect((await cfg(0x03, m([1, 6], [2, ['example.com']]))).status).toBe(S.CTAP2_OK);
    const info = (await call(auth, 0x04)).body!;
    expect(info.get(13)).toBe(6);
    expect(info.get(12)).toBe(true);
    expect((await getToken(auth, '1234', { permissions: 0x02, rpId: 'x' })).status).toBe(
      S.CTAP2_ERR_PIN_INVALID,
    );
    expect((await changePin(auth, '1234', '12345')).status).toBe(S.CTAP2_ERR_PIN_POLICY_VIOLATION);
    expect((await changePin(auth, '1234', '123456')).status).toBe(S.CTAP2_OK);
    expect((await call(auth, 0x04)).body.get(12)).toBe(false);
  });

  it('reports minPinLength to listed RP IDs through the extension', async () => {
    const { auth, cfg } = await withPin();
    await cfg(0x03, m([1, 4], [2, ['example.com']]));
    const t = await getToken(auth, '1234', { permissions: 0x01, rpId: 'example.com' });
    const r = await call(
      auth,
      0x01,
      makeCredentialParams({
        extensions: new Map([['minPinLength', true]]),
        token: { protocol: t.session.protocol, value: t.token! },
      }),
    );
    expect(r.status).toBe(S.CTAP2_OK);
    expect(Buffer.from(r.body.get(2) as Uint8Array).includes(Buffer.from('minPinLength'))).toBe(
      true,
    );
  });

  it('refuses to lower minPINLength (PIN_POLICY_VIOLATION) and forceChangePin without PIN', async () => {
    const { cfg } = await withPin();
    await cfg(0x03, m([1, 6]));
    expect((await cfg(0x03, m([1, 5]))).status).toBe(S.CTAP2_ERR_PIN_POLICY_VIOLATION);
    const auth = createAuthenticator();
    expect((await call(auth, CFG, m([1, 0x03], [2, m([3, true])]))).status).toBe(
      S.CTAP2_ERR_PIN_NOT_SET,
    );
  });

  it('sets forcePINChange on request', async () => {
    const { auth, cfg } = await withPin();
    expect((await cfg(0x03, m([3, true]))).status).toBe(S.CTAP2_OK);
    expect((await call(auth, 0x04)).body.get(12)).toBe(true);
  });

  it('enables enterprise attestation only on the enterprise profile', async () => {
    const ent = await withPin('enterprise');
    expect((await ent.cfg(0x01)).status).toBe(S.CTAP2_OK);
    expect((await options(ent.auth)).get('ep')).toBe(true);
    const gen = await withPin('generic');
    expect((await gen.cfg(0x01)).status).toBe(S.CTAP1_ERR_INVALID_PARAMETER);
    expect((await options(gen.auth)).has('ep')).toBe(false);
  });

  it('answers an unknown subcommand with INVALID_SUBCOMMAND and wrong types with CBOR_UNEXPECTED_TYPE', async () => {
    const { cfg, auth } = await withPin();
    expect((await cfg(0x07)).status).toBe(S.CTAP2_ERR_INVALID_SUBCOMMAND);
    expect((await cfg(0x03, m([1, 'six']))).status).toBe(S.CTAP2_ERR_CBOR_UNEXPECTED_TYPE);
    expect((await call(auth, CFG, m([1, 0x03], [2, 'x']))).status).toBe(
      S.CTAP2_ERR_CBOR_UNEXPECTED_TYPE,
    );
  });

  it('does not exist on the CTAP 2.0 profile (INVALID_COMMAND)', async () => {
    const auth = createAuthenticator({ profile: 'ctap20' });
    expect((await call(auth, CFG, m([1, 0x02]))).status).toBe(S.CTAP1_ERR_INVALID_COMMAND);
  });
});
