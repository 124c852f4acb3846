import { verify, X509Certificate } from 'node:crypto';
import { type CborMap, decodeCtap, CtapStatus as S } from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import { createAuthenticator, presence } from '../src/index.ts';
import {
  call,
  cdh,
  decodeSequence,
  getToken,
  m,
  makeCredentialParams,
  parseAuthData,
  setPin,
} from './helpers/ctapCalls.ts';

const MC = 0x01;

async function withPin(profile: 'generic' | 'enterprise' | 'ctap20' = 'generic') {
  const auth = createAuthenticator({ profile });
  const version = profile === 'ctap20' ? 1 : 2;
  await setPin(auth, '1234', version);
  const mcToken = async (rpId = 'example.com', permissions = 0x01) => {
    const t =
      profile === 'ctap20'
        ? await getToken(auth, '1234', { version })
        : await getToken(auth, '1234', { version, permissions, rpId });
    return { protocol: t.session.protocol, value: t.token! };
  };
  return { auth, mcToken };
}

describe('authenticatorMakeCredential', () => {
  it('creates an ES256 credential with packed full attestation over authData ‖ clientDataHash', async () => {
    const auth = createAuthenticator();
    const clientDataHash = cdh('mc');
    const r = await call(auth, MC, makeCredentialParams({ clientDataHash }));
    expect(r.status).toBe(S.CTAP2_OK);
    expect(r.body.get(1)).toBe('packed');
    const authData = r.body.get(2) as Uint8Array;
    const parsed = parseAuthData(authData);
    expect(parsed.flags).toBe(0x41); // UP | AT
    expect(Buffer.from(parsed.aaguid!).toString('hex')).toBe(auth.aaguid.replace(/-/g, ''));
    const attStmt = r.body.get(3) as CborMap;
    expect([...attStmt.keys()]).toEqual(['alg', 'sig', 'x5c']);
    const [leaf] = attStmt.get('x5c') as Uint8Array[];
    const key = new X509Certificate(leaf!).publicKey;
    expect(
      verify(
        'sha256',
        Buffer.concat([authData, clientDataHash]),
        key,
        attStmt.get('sig') as Uint8Array,
      ),
    ).toBe(true);
    expect(r.body.has(4)).toBe(false); // no epAtt without enterprise attestation
  });

  it('creates an EdDSA credential when EdDSA is the first supported algorithm', async () => {
    const auth = createAuthenticator();
    const r = await call(auth, MC, makeCredentialParams({ alg: [-257, -8, -7] }));
    const authData = r.body.get(2) as Uint8Array;
    const { credentialId } = parseAuthData(authData);
    const cose = decodeCtap(authData.subarray(55 + credentialId!.length)) as CborMap;
    expect([...cose.entries()].slice(0, 3)).toEqual([
      [1, 1],
      [3, -8],
      [-1, 6],
    ]);
  });

  it('answers UNSUPPORTED_ALGORITHM when no algorithm is supported', async () => {
    const auth = createAuthenticator();
    expect((await call(auth, MC, makeCredentialParams({ alg: [-257, -35] }))).status).toBe(
      S.CTAP2_ERR_UNSUPPORTED_ALGORITHM,
    );
  });

  it('returns "none" attestation when attestationFormatsPreference asks for it first', async () => {
    const auth = createAuthenticator();
    const r = await call(auth, MC, makeCredentialParams({ formats: ['none', 'packed'] }));
    expect(r.body.get(1)).toBe('none');
    expect(r.body.get(3)).toEqual(new Map());
  });

  it('stores a discoverable credential and replaces one with the same rp.id and user.id', async () => {
    const auth = createAuthenticator();
    const userId = Uint8Array.of(1, 2, 3);
    await call(auth, MC, makeCredentialParams({ rk: true, userId }));
    await call(auth, MC, makeCredentialParams({ rk: true, userId }));
    await call(auth, MC, makeCredentialParams({ rk: true, userId: Uint8Array.of(9) }));
    await call(auth, MC, makeCredentialParams({ rk: false }));
    expect(auth.state().credentials).toHaveLength(2);
  });

  it.each([
    [
      'missing clientDataHash',
      (p: Map<number, unknown>) => p.delete(1),
      S.CTAP2_ERR_MISSING_PARAMETER,
    ],
    ['missing rp', (p: Map<number, unknown>) => p.delete(2), S.CTAP2_ERR_MISSING_PARAMETER],
    [
      'rp as text',
      (p: Map<number, unknown>) => p.set(2, 'example.com'),
      S.CTAP2_ERR_CBOR_UNEXPECTED_TYPE,
    ],
    [
      'rp without id',
      (p: Map<number, unknown>) => p.set(2, m(['name', 'x'])),
      S.CTAP2_ERR_MISSING_PARAMETER,
    ],
    [
      'user.id as text',
      (p: Map<number, unknown>) => p.set(3, m(['id', 'u'])),
      S.CTAP2_ERR_CBOR_UNEXPECTED_TYPE,
    ],
    [
      'user.id of 65 bytes',
      (p: Map<number, unknown>) => p.set(3, m(['id', new Uint8Array(65)])),
      S.CTAP1_ERR_INVALID_LENGTH,
    ],
    [
      'pubKeyCredParams as map',
      (p: Map<number, unknown>) => p.set(4, m(['alg', -7])),
      S.CTAP2_ERR_CBOR_UNEXPECTED_TYPE,
    ],
    [
      'algorithm without type',
      (p: Map<number, unknown>) => p.set(4, [m(['alg', -7])]),
      S.CTAP2_ERR_MISSING_PARAMETER,
    ],
    [
      'options.rk as integer',
      (p: Map<number, unknown>) => p.set(7, m(['rk', 1])),
      S.CTAP2_ERR_CBOR_UNEXPECTED_TYPE,
    ],
    [
      'options.up false',
      (p: Map<number, unknown>) => p.set(7, m(['up', false])),
      S.CTAP2_ERR_INVALID_OPTION,
    ],
    [
      'options.uv true (no built-in UV)',
      (p: Map<number, unknown>) => p.set(7, m(['uv', true])),
      S.CTAP2_ERR_INVALID_OPTION,
    ],
    [
      'pinUvAuthParam without protocol',
      (p: Map<number, unknown>) => p.set(8, new Uint8Array(32)),
      S.CTAP2_ERR_MISSING_PARAMETER,
    ],
    [
      'pinUvAuthProtocol 7',
      (p: Map<number, unknown>) => {
        p.set(8, new Uint8Array(32));
        p.set(9, 7);
      },
      S.CTAP1_ERR_INVALID_PARAMETER,
    ],
    [
      'excludeList entry without id',
      (p: Map<number, unknown>) => p.set(5, [m(['type', 'public-key'])]),
      S.CTAP2_ERR_MISSING_PARAMETER,
    ],
    [
      'enterpriseAttestation on a key without it',
      (p: Map<number, unknown>) => p.set(10, 1),
      S.CTAP1_ERR_INVALID_PARAMETER,
    ],
  ])('answers %s with the spec status', async (_, mutate, status) => {
    const auth = createAuthenticator();
    const params = makeCredentialParams({});
    mutate(params);
    const before = auth.state();
    expect((await call(auth, MC, params)).status).toBe(status);
    expect(auth.state()).toEqual(before);
  });

  it('treats a zero-length pinUvAuthParam as a touch probe: PIN_NOT_SET / PIN_INVALID', async () => {
    const auth = createAuthenticator();
    const probe = makeCredentialParams({});
    probe.set(8, new Uint8Array(0));
    probe.set(9, 2);
    expect((await call(auth, MC, probe)).status).toBe(S.CTAP2_ERR_PIN_NOT_SET);
    await setPin(auth, '1234');
    expect((await call(auth, MC, probe)).status).toBe(S.CTAP2_ERR_PIN_INVALID);
    auth.setPresence(presence.deny());
    expect((await call(auth, MC, probe)).status).toBe(S.CTAP2_ERR_OPERATION_DENIED);
  });

  it('needs a token for a discoverable credential once a PIN is set, not for a plain one', async () => {
    const { auth, mcToken } = await withPin();
    expect((await call(auth, MC, makeCredentialParams({ rk: true }))).status).toBe(
      S.CTAP2_ERR_PUAT_REQUIRED,
    );
    // makeCredUvNotRqd: non-discoverable without UV is allowed.
    expect((await call(auth, MC, makeCredentialParams({ rk: false }))).status).toBe(S.CTAP2_OK);
    const r = await call(auth, MC, makeCredentialParams({ rk: true, token: await mcToken() }));
    expect(r.status).toBe(S.CTAP2_OK);
    expect(parseAuthData(r.body.get(2) as Uint8Array).flags).toBe(0x45); // UP | UV | AT
  });

  it('needs a token for every makeCredential on a PIN-protected CTAP 2.0 key', async () => {
    const { auth, mcToken } = await withPin('ctap20');
    expect((await call(auth, MC, makeCredentialParams({ rk: false }))).status).toBe(
      S.CTAP2_ERR_PUAT_REQUIRED,
    );
    expect((await call(auth, MC, makeCredentialParams({ token: await mcToken() }))).status).toBe(
      S.CTAP2_OK,
    );
  });

  it('refuses a token without the mc permission, or bound to another RP ID', async () => {
    const { auth, mcToken } = await withPin();
    const gaOnly = await mcToken('example.com', 0x02);
    expect((await call(auth, MC, makeCredentialParams({ rk: true, token: gaOnly }))).status).toBe(
      S.CTAP2_ERR_PIN_AUTH_INVALID,
    );
    const other = await mcToken('other.example');
    expect((await call(auth, MC, makeCredentialParams({ rk: true, token: other }))).status).toBe(
      S.CTAP2_ERR_PIN_AUTH_INVALID,
    );
  });

  it('lets a PIN token authorise one makeCredential only', async () => {
    const { auth, mcToken } = await withPin();
    const token = await mcToken();
    expect((await call(auth, MC, makeCredentialParams({ rk: true, token }))).status).toBe(
      S.CTAP2_OK,
    );
    expect((await call(auth, MC, makeCredentialParams({ rk: true, token }))).status).toBe(
      S.CTAP2_ERR_PIN_AUTH_INVALID,
    );
  });

  it('binds a legacy getPinToken token to the RP ID of its first use', async () => {
    const auth = createAuthenticator({ profile: 'ctap20' });
    await setPin(auth, '1234', 1);
    const t = await getToken(auth, '1234', { version: 1 });
    const token = { protocol: t.session.protocol, value: t.token! };
    const r = await call(auth, MC, makeCredentialParams({ token, rpId: 'a.example' }));
    expect(r.status).toBe(S.CTAP2_OK);
    expect(auth.state().pin.retries).toBe(8);
  });

  it('refuses a credential in the excludeList with CREDENTIAL_EXCLUDED after a touch', async () => {
    const auth = createAuthenticator();
    const first = await call(auth, MC, makeCredentialParams({ rk: false }));
    const { credentialId } = parseAuthData(first.body.get(2) as Uint8Array);
    let touches = 0;
    auth.onEvent((e) => {
      if (e.type === 'upNeeded') touches++;
    });
    const r = await call(auth, MC, makeCredentialParams({ excludeList: [credentialId!] }));
    expect(r.status).toBe(S.CTAP2_ERR_CREDENTIAL_EXCLUDED);
    expect(touches).toBe(1);
    // The same ID for another RP is not "this" credential.
    expect(
      (
        await call(
          auth,
          MC,
          makeCredentialParams({ rpId: 'b.example', excludeList: [credentialId!] }),
        )
      ).status,
    ).toBe(S.CTAP2_OK);
  });

  it('answers OPERATION_DENIED when the user declines and USER_ACTION_TIMEOUT on timeout', async () => {
    const auth = createAuthenticator({ presence: presence.deny() });
    expect((await call(auth, MC, makeCredentialParams({}))).status).toBe(
      S.CTAP2_ERR_OPERATION_DENIED,
    );
    auth.setPresence(presence.manual(1));
    expect((await call(auth, MC, makeCredentialParams({}))).status).toBe(
      S.CTAP2_ERR_USER_ACTION_TIMEOUT,
    );
  });

  it('needs a token under alwaysUv even without a PIN-protected request', async () => {
    const auth = createAuthenticator();
    await call(auth, 0x0d, m([1, 0x02])); // toggleAlwaysUv without PIN: no auth needed
    expect((await call(auth, MC, makeCredentialParams({ rk: false }))).status).toBe(
      S.CTAP2_ERR_PUAT_REQUIRED,
    );
  });

  it('reports credProtect and hmac-secret in the authData extensions', async () => {
    const auth = createAuthenticator();
    const r = await call(
      auth,
      MC,
      makeCredentialParams({
        extensions: new Map<string, number | boolean>([
          ['credProtect', 2],
          ['hmac-secret', true],
          ['unknownExt', true],
        ]),
      }),
    );
    const authData = r.body.get(2) as Uint8Array;
    expect(authData[32]! & 0x80).toBe(0x80);
    const { credentialId } = parseAuthData(authData);
    const [cose, ext] = decodeSequence(authData.subarray(55 + credentialId!.length));
    expect(cose).toBeInstanceOf(Map);
    expect(ext).toEqual(
      new Map<string, number | boolean>([
        ['credProtect', 2],
        ['hmac-secret', true],
      ]),
    );
  });

  it('returns an enterprise attestation with epAtt once enabled, for value 2', async () => {
    const { auth, mcToken } = await withPin('enterprise');
    const t = await getToken(auth, '1234', { permissions: 0x20 });
    const cfg = { protocol: t.session.protocol, value: t.token! };
    const msg = Uint8Array.of(...new Uint8Array(32).fill(0xff), 0x0d, 0x01);
    const enable = await call(
      auth,
      0x0d,
      m([1, 0x01], [3, 2], [4, cfg.protocol.authenticate(cfg.value, msg)]),
    );
    expect(enable.status).toBe(S.CTAP2_OK);
    const r = await call(
      auth,
      MC,
      makeCredentialParams({ token: await mcToken(), enterpriseAttestation: 2 }),
    );
    expect(r.status).toBe(S.CTAP2_OK);
    expect(r.body.get(4)).toBe(true);
    // Vendor-facilitated (1) for an RP ID not configured in the key: ordinary attestation.
    const r1 = await call(
      auth,
      MC,
      makeCredentialParams({ token: await mcToken(), enterpriseAttestation: 1 }),
    );
    expect(r1.status).toBe(S.CTAP2_OK);
    expect(r1.body.has(4)).toBe(false);
    const bad = await call(
      auth,
      MC,
      makeCredentialParams({ token: await mcToken(), enterpriseAttestation: 3 }),
    );
    expect(bad.status).toBe(S.CTAP2_ERR_INVALID_OPTION);
  });

  it('counts signatures: every makeCredential raises the counter', async () => {
    const auth = createAuthenticator();
    const a = await call(auth, MC, makeCredentialParams({}));
    const b = await call(auth, MC, makeCredentialParams({}));
    expect(parseAuthData(b.body.get(2) as Uint8Array).signCount).toBeGreaterThan(
      parseAuthData(a.body.get(2) as Uint8Array).signCount,
    );
  });

  it('refuses a discoverable credential when the key store is full', async () => {
    const auth = createAuthenticator();
    for (let i = 0; i < 50; i++) {
      expect((await call(auth, MC, makeCredentialParams({ rk: true }))).status).toBe(S.CTAP2_OK);
    }
    expect((await call(auth, MC, makeCredentialParams({ rk: true }))).status).toBe(
      S.CTAP2_ERR_KEY_STORE_FULL,
    );
  });
});
