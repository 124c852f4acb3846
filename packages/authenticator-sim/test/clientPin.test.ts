import { padPin, pinHash, CtapStatus as S } from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../src/index.ts';
import { call, changePin, getToken, m, pinSession, setPin } from './helpers/ctapCalls.ts';

const CLIENT_PIN = 0x06;

describe.each([1, 2] as const)('clientPIN with PIN/UV auth protocol %i', (version) => {
  it('sets a PIN: retries 8, clientPin option true', async () => {
    const auth = createAuthenticator();
    expect((await setPin(auth, '1234', version)).status).toBe(S.CTAP2_OK);
    const retries = await call(auth, CLIENT_PIN, m([1, version], [2, 0x01]));
    expect(retries.body.get(3)).toBe(8);
    expect(retries.body.get(4)).toBe(false);
    const info = await call(auth, 0x04);
    expect((info.body.get(4) as Map<string, boolean>).get('clientPin')).toBe(true);
  });

  it('refuses a second setPIN with PIN_AUTH_INVALID (CTAP 2.1)', async () => {
    const auth = createAuthenticator();
    await setPin(auth, '1234', version);
    expect((await setPin(auth, '5678', version)).status).toBe(S.CTAP2_ERR_PIN_AUTH_INVALID);
  });

  it('refuses a PIN shorter than 4 code points, counting code points not bytes', async () => {
    const auth = createAuthenticator();
    expect((await setPin(auth, '123', version)).status).toBe(S.CTAP2_ERR_PIN_POLICY_VIOLATION);
    // Three characters, nine UTF-8 bytes: still too short.
    expect((await setPin(auth, '日本語', version)).status).toBe(S.CTAP2_ERR_PIN_POLICY_VIOLATION);
    expect((await setPin(auth, '日本語字', version)).status).toBe(S.CTAP2_OK);
  });

  it('refuses a padded PIN block without a terminating zero', async () => {
    const auth = createAuthenticator();
    const s = await pinSession(auth, version);
    const newPinEnc = s.protocol.encrypt(s.sharedSecret, new Uint8Array(64).fill(0x31));
    const r = await call(
      auth,
      CLIENT_PIN,
      m(
        [1, version],
        [2, 0x03],
        [3, s.keyAgreement],
        [4, s.protocol.authenticate(s.sharedSecret, newPinEnc)],
        [5, newPinEnc],
      ),
    );
    expect(r.status).toBe(S.CTAP2_ERR_PIN_POLICY_VIOLATION);
  });

  it('refuses setPIN with a wrong pinUvAuthParam', async () => {
    const auth = createAuthenticator();
    const s = await pinSession(auth, version);
    const newPinEnc = s.protocol.encrypt(s.sharedSecret, padPin('1234'));
    const bad = s.protocol.authenticate(new Uint8Array(64).fill(1), newPinEnc);
    const r = await call(
      auth,
      CLIENT_PIN,
      m([1, version], [2, 0x03], [3, s.keyAgreement], [4, bad], [5, newPinEnc]),
    );
    expect(r.status).toBe(S.CTAP2_ERR_PIN_AUTH_INVALID);
    expect(auth.state().pin.hash).toBeUndefined();
  });

  it('changes the PIN; the old one no longer works', async () => {
    const auth = createAuthenticator();
    await setPin(auth, '1234', version);
    expect((await changePin(auth, '1234', '98765', version)).status).toBe(S.CTAP2_OK);
    expect((await getToken(auth, '1234', { version })).status).toBe(S.CTAP2_ERR_PIN_INVALID);
    expect((await getToken(auth, '98765', { version })).status).toBe(S.CTAP2_OK);
  });

  it('answers changePIN on a key without PIN with PIN_NOT_SET', async () => {
    const auth = createAuthenticator();
    expect((await changePin(auth, '1234', '5678', version)).status).toBe(S.CTAP2_ERR_PIN_NOT_SET);
  });

  it('decrements retries on a wrong PIN and restores 8 on the right one', async () => {
    const auth = createAuthenticator();
    await setPin(auth, '1234', version);
    expect((await getToken(auth, '0000', { version })).status).toBe(S.CTAP2_ERR_PIN_INVALID);
    expect((await getToken(auth, '0000', { version })).status).toBe(S.CTAP2_ERR_PIN_INVALID);
    expect(auth.state().pin.retries).toBe(6);
    expect((await getToken(auth, '1234', { version })).status).toBe(S.CTAP2_OK);
    expect(auth.state().pin.retries).toBe(8);
  });

  it('blocks PIN entry after 3 consecutive mismatches until a power cycle', async () => {
    const auth = createAuthenticator();
    await setPin(auth, '1234', version);
    for (let i = 0; i < 2; i++) {
      expect((await getToken(auth, '0000', { version })).status).toBe(S.CTAP2_ERR_PIN_INVALID);
    }
    expect((await getToken(auth, '0000', { version })).status).toBe(S.CTAP2_ERR_PIN_AUTH_BLOCKED);
    // Even the right PIN is refused, and nothing is decremented.
    expect((await getToken(auth, '1234', { version })).status).toBe(S.CTAP2_ERR_PIN_AUTH_BLOCKED);
    const retries = await call(auth, CLIENT_PIN, m([1, version], [2, 0x01]));
    expect(retries.body.get(3)).toBe(5);
    expect(retries.body.get(4)).toBe(true);
    auth.powerCycle();
    expect((await getToken(auth, '1234', { version })).status).toBe(S.CTAP2_OK);
  });

  it('blocks the PIN for good at 0 retries (PIN_BLOCKED until reset)', async () => {
    const auth = createAuthenticator();
    await setPin(auth, '1234', version);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      if (i % 3 === 0) auth.powerCycle();
      statuses.push((await getToken(auth, '0000', { version })).status);
    }
    expect(statuses.at(-1)).toBe(S.CTAP2_ERR_PIN_BLOCKED);
    auth.powerCycle();
    expect((await getToken(auth, '1234', { version })).status).toBe(S.CTAP2_ERR_PIN_BLOCKED);
    expect((await changePin(auth, '1234', '5678', version)).status).toBe(S.CTAP2_ERR_PIN_BLOCKED);
  });

  it('issues a token only with permissions for 0x09 and checks them', async () => {
    const auth = createAuthenticator();
    await setPin(auth, '1234', version);
    const s = await pinSession(auth, version);
    const base = () =>
      m(
        [1, version],
        [2, 0x09],
        [3, s.keyAgreement],
        [6, s.protocol.encrypt(s.sharedSecret, pinHash('1234'))],
      );
    expect((await call(auth, CLIENT_PIN, base())).status).toBe(S.CTAP2_ERR_MISSING_PARAMETER);
    const zero = base();
    zero.set(9, 0);
    expect((await call(auth, CLIENT_PIN, zero)).status).toBe(S.CTAP1_ERR_INVALID_PARAMETER);
    const mcWithoutRp = base();
    mcWithoutRp.set(9, 0x01);
    expect((await call(auth, CLIENT_PIN, mcWithoutRp)).status).toBe(S.CTAP1_ERR_INVALID_PARAMETER);
    const bio = base();
    bio.set(9, 0x08);
    expect((await call(auth, CLIENT_PIN, bio)).status).toBe(S.CTAP2_ERR_UNAUTHORIZED_PERMISSION);
    // None of these checked the PIN, so no retry was used.
    expect(auth.state().pin.retries).toBe(8);
  });

  it('refuses permissions or rpId on the legacy getPinToken (0x05)', async () => {
    const auth = createAuthenticator();
    await setPin(auth, '1234', version);
    const s = await pinSession(auth, version);
    const r = await call(
      auth,
      CLIENT_PIN,
      m(
        [1, version],
        [2, 0x05],
        [3, s.keyAgreement],
        [6, s.protocol.encrypt(s.sharedSecret, pinHash('1234'))],
        [9, 0x03],
      ),
    );
    expect(r.status).toBe(S.CTAP1_ERR_INVALID_PARAMETER);
  });

  it('returns a 32-byte token encrypted for the protocol (32 bytes v1, 48 bytes v2)', async () => {
    const auth = createAuthenticator();
    await setPin(auth, '1234', version);
    const s = await pinSession(auth, version);
    const r = await call(
      auth,
      CLIENT_PIN,
      m(
        [1, version],
        [2, 0x05],
        [3, s.keyAgreement],
        [6, s.protocol.encrypt(s.sharedSecret, pinHash('1234'))],
      ),
    );
    expect((r.body.get(2) as Uint8Array).length).toBe(version === 1 ? 32 : 48);
  });

  it('answers getPinToken on a key without PIN with PIN_NOT_SET', async () => {
    const auth = createAuthenticator();
    expect((await getToken(auth, '1234', { version })).status).toBe(S.CTAP2_ERR_PIN_NOT_SET);
  });

  it('refuses a keyAgreement that is not a P-256 point with INVALID_PARAMETER', async () => {
    const auth = createAuthenticator();
    const bogus = m(
      [1, 2],
      [3, -25],
      [-1, 1],
      [-2, new Uint8Array(32).fill(1)],
      [-3, new Uint8Array(32).fill(2)],
    );
    const newPinEnc = new Uint8Array(version === 1 ? 64 : 80);
    const r = await call(
      auth,
      CLIENT_PIN,
      m(
        [1, version],
        [2, 0x03],
        [3, bogus],
        [4, new Uint8Array(version === 1 ? 16 : 32)],
        [5, newPinEnc],
      ),
    );
    expect(r.status).toBe(S.CTAP1_ERR_INVALID_PARAMETER);
  });

  it('regenerates the key-agreement key after a PIN mismatch', async () => {
    const auth = createAuthenticator();
    await setPin(auth, '1234', version);
    const before = (await call(auth, CLIENT_PIN, m([1, version], [2, 0x02]))).body.get(1);
    await getToken(auth, '9999', { version });
    const after = (await call(auth, CLIENT_PIN, m([1, version], [2, 0x02]))).body.get(1);
    expect(after).not.toEqual(before);
  });
});

describe('clientPIN request checks', () => {
  it('answers a missing subCommand with MISSING_PARAMETER and a text one with CBOR_UNEXPECTED_TYPE', async () => {
    const auth = createAuthenticator();
    expect((await call(auth, CLIENT_PIN, m([1, 2]))).status).toBe(S.CTAP2_ERR_MISSING_PARAMETER);
    expect((await call(auth, CLIENT_PIN, m([1, 2], [2, 'x']))).status).toBe(
      S.CTAP2_ERR_CBOR_UNEXPECTED_TYPE,
    );
  });

  it('answers an unknown subcommand and UV-only subcommands with INVALID_SUBCOMMAND', async () => {
    const auth = createAuthenticator();
    for (const sub of [0x06, 0x07, 0x08, 0x20]) {
      expect((await call(auth, CLIENT_PIN, m([1, 2], [2, sub]))).status).toBe(
        S.CTAP2_ERR_INVALID_SUBCOMMAND,
      );
    }
  });

  it('refuses protocol 3, and protocol 2 on the CTAP 2.0 profile, with INVALID_PARAMETER', async () => {
    expect((await call(createAuthenticator(), CLIENT_PIN, m([1, 3], [2, 0x02]))).status).toBe(
      S.CTAP1_ERR_INVALID_PARAMETER,
    );
    const ctap20 = createAuthenticator({ profile: 'ctap20' });
    expect((await call(ctap20, CLIENT_PIN, m([1, 2], [2, 0x02]))).status).toBe(
      S.CTAP1_ERR_INVALID_PARAMETER,
    );
    expect((await call(ctap20, CLIENT_PIN, m([1, 1], [2, 0x02]))).status).toBe(S.CTAP2_OK);
  });

  it('has no permissions subcommand 0x09 on the CTAP 2.0 profile', async () => {
    const auth = createAuthenticator({ profile: 'ctap20' });
    await setPin(auth, '1234', 1);
    const r = await getToken(auth, '1234', { version: 1, permissions: 3, rpId: 'example.com' });
    expect(r.status).toBe(S.CTAP2_ERR_INVALID_SUBCOMMAND);
    expect((await getToken(auth, '1234', { version: 1 })).status).toBe(S.CTAP2_OK);
  });
});
