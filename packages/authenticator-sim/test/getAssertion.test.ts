import { createHmac, createPublicKey, verify } from 'node:crypto';
import {
  type CborMap,
  decodeCtap,
  encapsulate,
  PinProtocolV2,
  CtapStatus as S,
} from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import { createAuthenticator, createManualClock } from '../src/index.ts';
import {
  call,
  cdh,
  decodeSequence,
  getAssertionParams,
  getToken,
  m,
  makeCredentialParams,
  parseAuthData,
  setPin,
} from './helpers/ctapCalls.ts';

const MC = 0x01;
const GA = 0x02;
const GNA = 0x08;

/** The COSE public key in a makeCredential authData, as a Node KeyObject. */
function publicKeyOf(authData: Uint8Array) {
  const { credentialId } = parseAuthData(authData);
  const cose = decodeSequence(authData.subarray(55 + credentialId!.length))[0] as CborMap;
  const x = Buffer.from(cose.get(-2) as Uint8Array).toString('base64url');
  if (cose.get(3) === -8)
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
  const y = Buffer.from(cose.get(-3) as Uint8Array).toString('base64url');
  return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x, y }, format: 'jwk' });
}

async function credential(
  auth: ReturnType<typeof createAuthenticator>,
  options: Parameters<typeof makeCredentialParams>[0] = {},
) {
  const r = await call(auth, MC, makeCredentialParams(options));
  expect(r.status).toBe(S.CTAP2_OK);
  const authData = r.body.get(2) as Uint8Array;
  return { id: parseAuthData(authData).credentialId!, key: publicKeyOf(authData), authData };
}

describe('authenticatorGetAssertion', () => {
  it.each([
    [-7, 'sha256'],
    [-8, null],
  ] as const)(
    'signs authData ‖ clientDataHash with the credential key (alg %i)',
    async (alg, hash) => {
      const auth = createAuthenticator();
      const cred = await credential(auth, { alg: [alg] });
      const clientDataHash = cdh('ga');
      const r = await call(auth, GA, getAssertionParams({ allowList: [cred.id], clientDataHash }));
      expect(r.status).toBe(S.CTAP2_OK);
      const authData = r.body.get(2) as Uint8Array;
      expect(authData).toHaveLength(37);
      expect(authData[32]).toBe(0x01);
      expect(
        verify(
          hash,
          Buffer.concat([authData, clientDataHash]),
          cred.key,
          r.body.get(3) as Uint8Array,
        ),
      ).toBe(true);
      expect((r.body.get(1) as CborMap).get('id')).toEqual(cred.id);
      expect(r.body.has(5)).toBe(false); // allowList: no numberOfCredentials
    },
  );

  it('returns discoverable credentials newest first, the rest through getNextAssertion', async () => {
    const auth = createAuthenticator();
    const a = await credential(auth, { rk: true, userId: Uint8Array.of(1) });
    const b = await credential(auth, { rk: true, userId: Uint8Array.of(2) });
    await credential(auth, { rk: true, rpId: 'other.example' });
    const first = await call(auth, GA, getAssertionParams({}));
    expect(first.body.get(5)).toBe(2);
    expect((first.body.get(1) as CborMap).get('id')).toEqual(b.id);
    expect(first.body.get(4)).toEqual(new Map([['id', Uint8Array.of(2)]])); // no name without UV
    const next = await call(auth, GNA);
    expect(next.status).toBe(S.CTAP2_OK);
    expect((next.body.get(1) as CborMap).get('id')).toEqual(a.id);
    expect(next.body.has(5)).toBe(false);
    expect((await call(auth, GNA)).status).toBe(S.CTAP2_ERR_NOT_ALLOWED);
  });

  it('refuses getNextAssertion without a preceding getAssertion, after another command, or after 30 s', async () => {
    const clock = createManualClock();
    const auth = createAuthenticator({ clock });
    expect((await call(auth, GNA)).status).toBe(S.CTAP2_ERR_NOT_ALLOWED);
    await credential(auth, { rk: true });
    await credential(auth, { rk: true });
    await call(auth, GA, getAssertionParams({}));
    await call(auth, 0x04);
    expect((await call(auth, GNA)).status).toBe(S.CTAP2_ERR_NOT_ALLOWED);
    await call(auth, GA, getAssertionParams({}));
    await clock.advance(30_001);
    expect((await call(auth, GNA)).status).toBe(S.CTAP2_ERR_NOT_ALLOWED);
  });

  it('returns user name and displayName only after user verification', async () => {
    const auth = createAuthenticator();
    await setPin(auth, '1234');
    const t1 = await getToken(auth, '1234', { permissions: 0x01, rpId: 'example.com' });
    await credential(auth, {
      rk: true,
      token: { protocol: t1.session.protocol, value: t1.token! },
    });
    const t2 = await getToken(auth, '1234', { permissions: 0x02, rpId: 'example.com' });
    const r = await call(
      auth,
      GA,
      getAssertionParams({ token: { protocol: t2.session.protocol, value: t2.token! } }),
    );
    expect(r.status).toBe(S.CTAP2_OK);
    expect((r.body.get(4) as CborMap).get('name')).toBe('alice');
    expect((r.body.get(2) as Uint8Array)[32]).toBe(0x05); // UP | UV
  });

  it('makes a silent assertion (UP flag clear) with up=false', async () => {
    const auth = createAuthenticator();
    const cred = await credential(auth);
    const r = await call(auth, GA, getAssertionParams({ allowList: [cred.id], up: false }));
    expect((r.body.get(2) as Uint8Array)[32]).toBe(0x00);
  });

  it('answers NO_CREDENTIALS for unknown IDs, other RPs and an empty key', async () => {
    const auth = createAuthenticator();
    expect((await call(auth, GA, getAssertionParams({}))).status).toBe(S.CTAP2_ERR_NO_CREDENTIALS);
    const cred = await credential(auth);
    const r = await call(
      auth,
      GA,
      getAssertionParams({ rpId: 'evil.example', allowList: [cred.id] }),
    );
    expect(r.status).toBe(S.CTAP2_ERR_NO_CREDENTIALS);
    const forged = Uint8Array.from(cred.id);
    forged[20] = forged[20]! ^ 0xff;
    expect((await call(auth, GA, getAssertionParams({ allowList: [forged] }))).status).toBe(
      S.CTAP2_ERR_NO_CREDENTIALS,
    );
  });

  it('hides credProtect=3 credentials without UV and credProtect=2 ones without allowList', async () => {
    const auth = createAuthenticator();
    const level = (n: number) => new Map([['credProtect', n]]);
    const c3 = await credential(auth, { rk: true, extensions: level(3), userId: Uint8Array.of(3) });
    await credential(auth, { rk: true, extensions: level(2), userId: Uint8Array.of(2) });
    const r = await call(auth, GA, getAssertionParams({}));
    expect(r.status).toBe(S.CTAP2_ERR_NO_CREDENTIALS);
    expect((await call(auth, GA, getAssertionParams({ allowList: [c3.id] }))).status).toBe(
      S.CTAP2_ERR_NO_CREDENTIALS,
    );
  });

  it('rejects the rk option with UNSUPPORTED_OPTION and uv=true with INVALID_OPTION', async () => {
    const auth = createAuthenticator();
    const p = getAssertionParams({});
    p.set(5, m(['rk', true]));
    expect((await call(auth, GA, p)).status).toBe(S.CTAP2_ERR_UNSUPPORTED_OPTION);
    p.set(5, m(['uv', true]));
    expect((await call(auth, GA, p)).status).toBe(S.CTAP2_ERR_INVALID_OPTION);
  });

  it('refuses a token with only the mc permission', async () => {
    const auth = createAuthenticator();
    await setPin(auth, '1234');
    await credential(auth);
    const t = await getToken(auth, '1234', { permissions: 0x01, rpId: 'example.com' });
    const r = await call(
      auth,
      GA,
      getAssertionParams({ token: { protocol: t.session.protocol, value: t.token! } }),
    );
    expect(r.status).toBe(S.CTAP2_ERR_PIN_AUTH_INVALID);
  });

  it('raises the signature counter with every assertion', async () => {
    const auth = createAuthenticator();
    const cred = await credential(auth);
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(auth, GA, getAssertionParams({ allowList: [cred.id] }));
      counts.push(parseAuthData(r.body.get(2) as Uint8Array).signCount);
    }
    expect(counts[1]).toBeGreaterThan(counts[0]!);
    expect(counts[2]).toBeGreaterThan(counts[1]!);
  });

  it('computes hmac-secret outputs that are stable per credential and differ from another salt', async () => {
    const auth = createAuthenticator();
    const cred = await credential(auth, { extensions: new Map([['hmac-secret', true]]) });
    const output = async (salt: Uint8Array) => {
      const ka = await call(auth, 0x06, m([1, 2], [2, 0x02]));
      const { keyAgreement, sharedSecret } = encapsulate(PinProtocolV2, ka.body.get(1) as CborMap);
      const saltEnc = PinProtocolV2.encrypt(sharedSecret, salt);
      const ext = new Map<string, unknown>([
        [
          'hmac-secret',
          m(
            [1, keyAgreement],
            [2, saltEnc],
            [3, PinProtocolV2.authenticate(sharedSecret, saltEnc)],
            [4, 2],
          ),
        ],
      ]);
      const r = await call(
        auth,
        GA,
        getAssertionParams({ allowList: [cred.id], extensions: ext as never }),
      );
      expect(r.status).toBe(S.CTAP2_OK);
      const authData = r.body.get(2) as Uint8Array;
      expect(authData[32]! & 0x80).toBe(0x80);
      const exts = decodeCtap(authData.subarray(37)) as CborMap;
      return PinProtocolV2.decrypt(sharedSecret, exts.get('hmac-secret') as Uint8Array);
    };
    const salt = new Uint8Array(createHmac('sha256', 'k').update('salt').digest());
    const one = await output(salt);
    expect(one).toHaveLength(32);
    expect(await output(salt)).toEqual(one);
    expect(await output(new Uint8Array(32))).not.toEqual(one);
  });

  it.each([
    ['missing rpId', (p: Map<number, unknown>) => p.delete(1), S.CTAP2_ERR_MISSING_PARAMETER],
    [
      'rpId as bytes',
      (p: Map<number, unknown>) => p.set(1, new Uint8Array(3)),
      S.CTAP2_ERR_CBOR_UNEXPECTED_TYPE,
    ],
    [
      'missing clientDataHash',
      (p: Map<number, unknown>) => p.delete(2),
      S.CTAP2_ERR_MISSING_PARAMETER,
    ],
    [
      'allowList as map',
      (p: Map<number, unknown>) => p.set(3, m([1, 2])),
      S.CTAP2_ERR_CBOR_UNEXPECTED_TYPE,
    ],
    [
      'allowList entry as text',
      (p: Map<number, unknown>) => p.set(3, ['id']),
      S.CTAP2_ERR_CBOR_UNEXPECTED_TYPE,
    ],
  ])('answers %s with the spec status', async (_, mutate, status) => {
    const auth = createAuthenticator();
    const params = getAssertionParams({});
    mutate(params);
    expect((await call(auth, GA, params)).status).toBe(status);
  });
});
