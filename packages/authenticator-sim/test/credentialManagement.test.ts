import { createHash } from 'node:crypto';
import {
  type CborMap,
  concatBytes,
  encodeCanonical,
  CtapStatus as S,
} from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../src/index.ts';
import {
  call,
  getToken,
  m,
  makeCredentialParams,
  parseAuthData,
  setPin,
} from './helpers/ctapCalls.ts';

const CM = 0x0a;
const rpHash = (rpId: string) => new Uint8Array(createHash('sha256').update(rpId).digest());

async function setup(version: 1 | 2 = 2) {
  const auth = createAuthenticator();
  await setPin(auth, '1234', version);
  const mcToken = async (rpId: string) => {
    const t = await getToken(auth, '1234', { version, permissions: 0x01, rpId });
    return { protocol: t.session.protocol, value: t.token! };
  };
  const ids: Uint8Array[] = [];
  for (const [rpId, user] of [
    ['a.example', 1],
    ['a.example', 2],
    ['b.example', 3],
  ] as const) {
    const r = await call(
      auth,
      0x01,
      makeCredentialParams({
        rk: true,
        rpId,
        userId: Uint8Array.of(user),
        token: await mcToken(rpId),
      }),
    );
    ids.push(parseAuthData(r.body.get(2) as Uint8Array).credentialId!);
  }
  const t = await getToken(auth, '1234', { version, permissions: 0x04 });
  const token = { protocol: t.session.protocol, value: t.token! };
  /** A credMgmt request authorised over subCommand ‖ CBOR(subCommandParams). */
  const cm = (sub: number, params?: Map<number, unknown>, tok = token) => {
    const msg = params
      ? concatBytes(Uint8Array.of(sub), encodeCanonical(params))
      : Uint8Array.of(sub);
    const req = m(
      [1, sub],
      [3, tok.protocol.version],
      [4, tok.protocol.authenticate(tok.value, msg)],
    );
    if (params) req.set(2, params);
    return call(auth, CM, req);
  };
  return { auth, ids, cm, version };
}

describe.each([1, 2] as const)('authenticatorCredentialManagement (protocol %i)', (version) => {
  it('reports metadata: existing and remaining discoverable credentials', async () => {
    const { cm } = await setup(version);
    const r = await cm(0x01);
    expect(r.body).toEqual(
      new Map([
        [1, 3],
        [2, 47],
      ]),
    );
  });

  it('enumerates RPs then their credentials', async () => {
    const { cm, auth } = await setup(version);
    const first = await cm(0x02);
    expect(first.body.get(5)).toBe(2);
    expect((first.body.get(3) as CborMap).get('id')).toBe('a.example');
    expect(first.body.get(4)).toEqual(rpHash('a.example'));
    const next = await call(auth, CM, m([1, 0x03]));
    expect((next.body.get(3) as CborMap).get('id')).toBe('b.example');
    expect((await call(auth, CM, m([1, 0x03]))).status).toBe(S.CTAP2_ERR_NOT_ALLOWED);

    const creds = await cm(0x04, m([1, rpHash('a.example')]));
    expect(creds.body.get(9)).toBe(2);
    expect((creds.body.get(6) as CborMap).get('id')).toEqual(Uint8Array.of(1));
    expect((creds.body.get(8) as CborMap).get(3)).toBe(-7);
    expect(creds.body.get(10)).toBe(1);
    const more = await call(auth, CM, m([1, 0x05]));
    expect((more.body.get(6) as CborMap).get('id')).toEqual(Uint8Array.of(2));
    expect(more.body.has(9)).toBe(false);
  });

  it('refuses the next-subcommands without a begin, or after another command', async () => {
    const { cm, auth } = await setup(version);
    expect((await call(auth, CM, m([1, 0x05]))).status).toBe(S.CTAP2_ERR_NOT_ALLOWED);
    await cm(0x02);
    await call(auth, 0x04);
    expect((await call(auth, CM, m([1, 0x03]))).status).toBe(S.CTAP2_ERR_NOT_ALLOWED);
  });

  it('deletes a credential and updates user information', async () => {
    const { cm, ids, auth } = await setup(version);
    const desc = m(['id', ids[0]!], ['type', 'public-key']);
    expect(
      (await cm(0x07, m([2, desc], [3, m(['id', Uint8Array.of(1)], ['name', 'carol'])]))).status,
    ).toBe(S.CTAP2_OK);
    const stored = auth.state().credentials.find((c) => c.user.name === 'carol');
    expect(stored?.user.displayName).toBeUndefined();
    await cm(
      0x07,
      m([2, desc], [3, m(['id', Uint8Array.of(1)], ['name', ''], ['displayName', 'C'])]),
    );
    const emptied = auth.state().credentials.find((c) => c.user.displayName === 'C');
    expect(emptied?.user.name).toBeUndefined();
    expect((await cm(0x07, m([2, desc], [3, m(['id', Uint8Array.of(9)])]))).status).toBe(
      S.CTAP1_ERR_INVALID_PARAMETER,
    );
    expect((await cm(0x06, m([2, desc]))).status).toBe(S.CTAP2_OK);
    expect(auth.state().credentials).toHaveLength(2);
    expect((await cm(0x06, m([2, desc]))).status).toBe(S.CTAP2_ERR_NO_CREDENTIALS);
    expect(
      (await call(auth, 0x02, m([1, 'a.example'], [2, new Uint8Array(32)], [3, [desc]]))).status,
    ).toBe(S.CTAP2_ERR_NO_CREDENTIALS);
  });

  it('answers NO_CREDENTIALS when enumerating an RP without credentials', async () => {
    const { cm } = await setup(version);
    expect((await cm(0x04, m([1, rpHash('none.example')]))).status).toBe(
      S.CTAP2_ERR_NO_CREDENTIALS,
    );
  });
});

describe('credentialManagement authorisation', () => {
  it('needs pinUvAuthParam (PUAT_REQUIRED) and a protocol (MISSING_PARAMETER)', async () => {
    const { auth } = await setup();
    expect((await call(auth, CM, m([1, 0x01]))).status).toBe(S.CTAP2_ERR_PUAT_REQUIRED);
    expect((await call(auth, CM, m([1, 0x01], [4, new Uint8Array(32)]))).status).toBe(
      S.CTAP2_ERR_MISSING_PARAMETER,
    );
  });

  it('refuses a token without the cm permission, or a wrong MAC, with PIN_AUTH_INVALID', async () => {
    const { auth, cm } = await setup();
    const t = await getToken(auth, '1234', { permissions: 0x02, rpId: 'a.example' });
    const gaToken = { protocol: t.session.protocol, value: t.token! };
    expect((await cm(0x01, undefined, gaToken)).status).toBe(S.CTAP2_ERR_PIN_AUTH_INVALID);
    const bad = await call(auth, CM, m([1, 0x01], [3, 2], [4, new Uint8Array(32)]));
    expect(bad.status).toBe(S.CTAP2_ERR_PIN_AUTH_INVALID);
  });

  it('refuses metadata with a token bound to an RP ID', async () => {
    const { auth, cm } = await setup();
    const t = await getToken(auth, '1234', { permissions: 0x04, rpId: 'a.example' });
    const bound = { protocol: t.session.protocol, value: t.token! };
    expect((await cm(0x01, undefined, bound)).status).toBe(S.CTAP2_ERR_PIN_AUTH_INVALID);
    expect((await cm(0x04, m([1, rpHash('a.example')]), bound)).status).toBe(S.CTAP2_OK);
    expect((await cm(0x04, m([1, rpHash('b.example')]), bound)).status).toBe(
      S.CTAP2_ERR_PIN_AUTH_INVALID,
    );
  });

  it('answers an unknown subcommand with INVALID_SUBCOMMAND', async () => {
    const { cm } = await setup();
    expect((await cm(0x09)).status).toBe(S.CTAP2_ERR_INVALID_SUBCOMMAND);
  });

  it('does not exist on the CTAP 2.0 profile (INVALID_COMMAND)', async () => {
    const auth = createAuthenticator({ profile: 'ctap20' });
    expect((await call(auth, CM, m([1, 0x01]))).status).toBe(S.CTAP1_ERR_INVALID_COMMAND);
  });
});
