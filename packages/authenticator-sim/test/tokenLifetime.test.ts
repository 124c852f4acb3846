import { CtapStatus as S } from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import { createAuthenticator, createManualClock } from '../src/index.ts';
import { call, getToken, makeCredentialParams, setPin } from './helpers/ctapCalls.ts';

async function keyWithToken(permissions = 0x01) {
  const clock = createManualClock();
  const auth = createAuthenticator({ clock });
  await setPin(auth, '1234');
  const t = await getToken(auth, '1234', {
    permissions,
    ...(permissions & 0x03 ? { rpId: 'example.com' } : {}),
  });
  return { auth, clock, token: { protocol: t.session.protocol, value: t.token! } };
}

describe('pinUvAuthToken lifetime', () => {
  it('expires when not used within 30 s of issue', async () => {
    const { auth, clock, token } = await keyWithToken();
    await clock.advance(30_001);
    expect((await call(auth, 0x01, makeCredentialParams({ rk: true, token }))).status).toBe(
      S.CTAP2_ERR_PIN_AUTH_INVALID,
    );
  });

  it('is usable within 30 s of issue', async () => {
    const { auth, clock, token } = await keyWithToken();
    await clock.advance(29_000);
    expect((await call(auth, 0x01, makeCredentialParams({ rk: true, token }))).status).toBe(
      S.CTAP2_OK,
    );
  });

  it('stops working after a power cycle (tokens are volatile)', async () => {
    const { auth, token } = await keyWithToken();
    auth.powerCycle();
    expect((await call(auth, 0x01, makeCredentialParams({ rk: true, token }))).status).toBe(
      S.CTAP2_ERR_PIN_AUTH_INVALID,
    );
  });

  it('is replaced by the next token issued', async () => {
    const { auth, token } = await keyWithToken();
    await getToken(auth, '1234', { permissions: 0x01, rpId: 'example.com' });
    expect((await call(auth, 0x01, makeCredentialParams({ rk: true, token }))).status).toBe(
      S.CTAP2_ERR_PIN_AUTH_INVALID,
    );
  });

  it('keeps a cm token usable for several credential management calls, up to 10 min', async () => {
    const { auth, clock, token } = await keyWithToken(0x04);
    const meta = () =>
      call(
        auth,
        0x0a,
        new Map<number, unknown>([
          [1, 1],
          [3, 2],
          [4, token.protocol.authenticate(token.value, Uint8Array.of(1))],
        ]),
      );
    expect((await meta()).status).toBe(S.CTAP2_OK);
    await clock.advance(300_000);
    expect((await meta()).status).toBe(S.CTAP2_OK);
    await clock.advance(300_001);
    expect((await meta()).status).toBe(S.CTAP2_ERR_PIN_AUTH_INVALID);
  });
});
