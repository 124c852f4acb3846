import { randomBytes } from 'node:crypto';
import {
  concatBytes,
  padPin,
  pinHash,
  remoteUnlockResponse,
  CtapStatus as S,
  KeywardVendorCmd as V,
} from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../src/index.ts';
import { call, getToken, m, pinSession, setPin } from './helpers/ctapCalls.ts';

async function setAdminPin(
  auth: ReturnType<typeof createAuthenticator>,
  pin: string,
  current?: string,
) {
  const s = await pinSession(auth, 2);
  const newEnc = s.protocol.encrypt(s.sharedSecret, padPin(pin));
  const hashEnc = current ? s.protocol.encrypt(s.sharedSecret, pinHash(current)) : undefined;
  const params = m(
    [1, 2],
    [2, s.keyAgreement],
    [3, newEnc],
    [4, s.protocol.authenticate(s.sharedSecret, hashEnc ? concatBytes(newEnc, hashEnc) : newEnc)],
  );
  if (hashEnc) params.set(5, hashEnc);
  return call(auth, V.SET_ADMIN_PIN, params);
}

async function adminUnlock(
  auth: ReturnType<typeof createAuthenticator>,
  adminPin: string,
  newPin: string,
) {
  const s = await pinSession(auth, 2);
  const hashEnc = s.protocol.encrypt(s.sharedSecret, pinHash(adminPin));
  const newPinEnc = s.protocol.encrypt(s.sharedSecret, padPin(newPin));
  return call(
    auth,
    V.ADMIN_UNLOCK,
    m(
      [1, 2],
      [2, s.keyAgreement],
      [3, hashEnc],
      [4, newPinEnc],
      [5, s.protocol.authenticate(s.sharedSecret, concatBytes(newPinEnc, hashEnc))],
    ),
  );
}

async function verifyAdminPin(auth: ReturnType<typeof createAuthenticator>, adminPin: string) {
  const s = await pinSession(auth, 2);
  const hashEnc = s.protocol.encrypt(s.sharedSecret, pinHash(adminPin));
  return call(
    auth,
    V.VERIFY_ADMIN_PIN,
    m(
      [1, 2],
      [2, s.keyAgreement],
      [3, hashEnc],
      [4, s.protocol.authenticate(s.sharedSecret, hashEnc)],
    ),
  );
}

async function blockUserPin(auth: ReturnType<typeof createAuthenticator>) {
  for (let i = 0; i < 8; i++) {
    if (i % 3 === 0) auth.powerCycle();
    await getToken(auth, '0000');
  }
  expect(auth.state().pin.retries).toBe(0);
}

describe('keyward-sim vendor commands', () => {
  it('reads the serial number on every profile', async () => {
    for (const profile of ['generic', 'ctap20'] as const) {
      const auth = createAuthenticator({ profile, serial: 'KW000123' });
      const r = await call(auth, V.GET_SERIAL);
      expect(r.body).toEqual(new Map([[1, 'KW000123']]));
    }
  });

  it('has admin mode only on the enterprise profile', async () => {
    const auth = createAuthenticator({ profile: 'generic' });
    expect((await call(auth, V.GET_ADMIN_RETRIES)).status).toBe(S.CTAP1_ERR_INVALID_COMMAND);
    expect((await setAdminPin(auth, '87654321')).status).toBe(S.CTAP1_ERR_INVALID_COMMAND);
  });

  it('unblocks a PIN-blocked key with the admin PIN by setting a new user PIN', async () => {
    const auth = createAuthenticator({ profile: 'enterprise' });
    await setPin(auth, '1234');
    expect((await setAdminPin(auth, '87654321')).status).toBe(S.CTAP2_OK);
    expect((await call(auth, V.GET_ADMIN_RETRIES)).body).toEqual(
      new Map<number, unknown>([
        [1, 8],
        [2, true],
      ]),
    );
    await blockUserPin(auth);
    expect((await adminUnlock(auth, '87654321', '2468')).status).toBe(S.CTAP2_OK);
    expect(auth.state().pin.retries).toBe(8);
    expect((await getToken(auth, '2468')).status).toBe(S.CTAP2_OK);
  });

  it('counts wrong admin PINs on their own counter and blocks admin unlock at 0', async () => {
    const auth = createAuthenticator({ profile: 'enterprise' });
    await setPin(auth, '1234');
    await setAdminPin(auth, '87654321');
    expect((await adminUnlock(auth, '11111111', '2468')).status).toBe(S.CTAP2_ERR_PIN_INVALID);
    expect(auth.state().admin.retries).toBe(7);
    expect(auth.state().pin.retries).toBe(8);
    for (let i = 0; i < 6; i++) await adminUnlock(auth, '11111111', '2468');
    expect((await adminUnlock(auth, '11111111', '2468')).status).toBe(S.CTAP2_ERR_PIN_BLOCKED);
    expect((await adminUnlock(auth, '87654321', '2468')).status).toBe(S.CTAP2_ERR_PIN_BLOCKED);
  });

  it('verifies the right admin PIN without changing anything and restores its retries', async () => {
    const auth = createAuthenticator({ profile: 'enterprise' });
    await setPin(auth, '1234');
    await setAdminPin(auth, '87654321');
    await verifyAdminPin(auth, '11111111');
    expect(auth.state().admin.retries).toBe(7);
    const before = JSON.stringify({ ...auth.state(), admin: undefined });
    expect((await verifyAdminPin(auth, '87654321')).status).toBe(S.CTAP2_OK);
    expect(auth.state().admin.retries).toBe(8);
    expect(JSON.stringify({ ...auth.state(), admin: undefined })).toBe(before);
  });

  it('refuses a wrong admin PIN on verify with PIN_INVALID and takes one admin retry', async () => {
    const auth = createAuthenticator({ profile: 'enterprise' });
    await setAdminPin(auth, '87654321');
    expect((await verifyAdminPin(auth, '11111111')).status).toBe(S.CTAP2_ERR_PIN_INVALID);
    expect(auth.state().admin.retries).toBe(7);
    for (let i = 0; i < 6; i++) await verifyAdminPin(auth, '11111111');
    expect((await verifyAdminPin(auth, '11111111')).status).toBe(S.CTAP2_ERR_PIN_BLOCKED);
    expect((await verifyAdminPin(auth, '87654321')).status).toBe(S.CTAP2_ERR_PIN_BLOCKED);
  });

  it('answers verify admin PIN with PIN_NOT_SET before an admin PIN exists', async () => {
    const auth = createAuthenticator({ profile: 'enterprise' });
    expect((await verifyAdminPin(auth, '87654321')).status).toBe(S.CTAP2_ERR_PIN_NOT_SET);
  });

  it('has no verify admin PIN command outside the enterprise profile', async () => {
    const auth = createAuthenticator({ profile: 'generic' });
    expect((await verifyAdminPin(auth, '87654321')).status).toBe(S.CTAP1_ERR_INVALID_COMMAND);
  });

  it('changes the admin PIN only with the current one', async () => {
    const auth = createAuthenticator({ profile: 'enterprise' });
    await setAdminPin(auth, '87654321');
    expect((await setAdminPin(auth, '11112222')).status).toBe(S.CTAP2_ERR_MISSING_PARAMETER);
    expect((await setAdminPin(auth, '11112222', '00000000')).status).toBe(S.CTAP2_ERR_PIN_INVALID);
    expect((await setAdminPin(auth, '11112222', '87654321')).status).toBe(S.CTAP2_OK);
  });

  it('remote-unlocks with the response to the current challenge, once', async () => {
    const auth = createAuthenticator({ profile: 'enterprise' });
    await setPin(auth, '1234');
    await setAdminPin(auth, '87654321');
    const secret = new Uint8Array(randomBytes(32));
    {
      const s = await pinSession(auth, 2);
      const secretEnc = s.protocol.encrypt(s.sharedSecret, secret);
      const hashEnc = s.protocol.encrypt(s.sharedSecret, pinHash('87654321'));
      const r = await call(
        auth,
        V.SET_UNLOCK_SECRET,
        m(
          [1, 2],
          [2, s.keyAgreement],
          [3, secretEnc],
          [4, hashEnc],
          [5, s.protocol.authenticate(s.sharedSecret, concatBytes(secretEnc, hashEnc))],
        ),
      );
      expect(r.status).toBe(S.CTAP2_OK);
    }
    await blockUserPin(auth);
    const unlock = async (response: (challenge: Uint8Array) => Uint8Array) => {
      const challenge = (await call(auth, V.GET_UNLOCK_CHALLENGE)).body.get(1) as Uint8Array;
      expect(challenge).toHaveLength(16);
      const s = await pinSession(auth, 2);
      const newPinEnc = s.protocol.encrypt(s.sharedSecret, padPin('3579'));
      const resp = response(challenge);
      return call(
        auth,
        V.REMOTE_UNLOCK,
        m(
          [1, 2],
          [2, s.keyAgreement],
          [3, resp],
          [4, newPinEnc],
          [5, s.protocol.authenticate(s.sharedSecret, concatBytes(newPinEnc, resp))],
        ),
      );
    };
    expect((await unlock(() => new Uint8Array(16))).status).toBe(S.CTAP2_ERR_PIN_AUTH_INVALID);
    expect((await unlock((c) => remoteUnlockResponse(secret, c))).status).toBe(S.CTAP2_OK);
    expect((await getToken(auth, '3579')).status).toBe(S.CTAP2_OK);
  });

  it('refuses remote unlock without a challenge (NOT_ALLOWED)', async () => {
    const auth = createAuthenticator({ profile: 'enterprise' });
    const s = await pinSession(auth, 2);
    const newPinEnc = s.protocol.encrypt(s.sharedSecret, padPin('3579'));
    const resp = new Uint8Array(16);
    const r = await call(
      auth,
      V.REMOTE_UNLOCK,
      m(
        [1, 2],
        [2, s.keyAgreement],
        [3, resp],
        [4, newPinEnc],
        [5, s.protocol.authenticate(s.sharedSecret, concatBytes(newPinEnc, resp))],
      ),
    );
    expect(r.status).toBe(S.CTAP2_ERR_NOT_ALLOWED);
  });
});
