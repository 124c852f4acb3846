import {
  type CborMap,
  encodeCanonical,
  KeywardSimAaguid,
  CtapStatus as S,
} from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import { createAuthenticator, type ProfileName } from '../src/index.ts';
import { call } from './helpers/ctapCalls.ts';

const info = async (profile: ProfileName) => {
  const auth = createAuthenticator({ profile });
  const raw = await auth.handleRequest(Uint8Array.of(0x04));
  return { raw, body: (await call(auth, 0x04)).body };
};

describe('authenticatorGetInfo', () => {
  it('answers in canonical CBOR (re-encoding gives the same bytes, as python-fido2 checks)', async () => {
    const { raw, body } = await info('enterprise');
    expect(raw[0]).toBe(S.CTAP2_OK);
    expect(encodeCanonical(body)).toEqual(raw.subarray(1));
  });

  it('describes a CTAP 2.1 key on the generic profile', async () => {
    const { body } = await info('generic');
    expect(body.get(1)).toEqual(['FIDO_2_0', 'FIDO_2_1']);
    expect(body.get(2)).toEqual(['credProtect', 'hmac-secret', 'minPinLength']);
    expect(Buffer.from(body.get(3) as Uint8Array).toString('hex')).toBe(
      KeywardSimAaguid.generic.replace(/-/g, ''),
    );
    expect(body.get(4)).toEqual(
      new Map([
        ['rk', true],
        ['up', true],
        ['plat', false],
        ['alwaysUv', false],
        ['credMgmt', true],
        ['authnrCfg', true],
        ['clientPin', false],
        ['pinUvAuthToken', true],
        ['setMinPINLength', true],
        ['makeCredUvNotRqd', true],
      ]),
    );
    expect(body.get(6)).toEqual([2, 1]);
    expect(body.get(9)).toEqual(['nfc', 'usb']);
    expect(body.get(13)).toBe(4);
    expect(body.get(12)).toBe(false);
    expect(body.get(20)).toBe(50);
    expect((body.get(4) as CborMap).has('uv')).toBe(false); // no built-in UV: absent, not false
  });

  it('adds ep=false on the enterprise profile', async () => {
    const { body } = await info('enterprise');
    expect((body.get(4) as CborMap).get('ep')).toBe(false);
  });

  it('describes a CTAP 2.0-only key without authnrCfg, credMgmt or pinUvAuthToken', async () => {
    const { body } = await info('ctap20');
    expect(body.get(1)).toEqual(['FIDO_2_0']);
    expect(body.get(6)).toEqual([1]);
    const options = body.get(4) as CborMap;
    for (const absent of [
      'authnrCfg',
      'credMgmt',
      'pinUvAuthToken',
      'setMinPINLength',
      'alwaysUv',
    ]) {
      expect(options.has(absent)).toBe(false);
    }
    expect(body.has(10)).toBe(false);
  });

  it('reports only nfc on the nfc-only profile', async () => {
    expect((await info('nfc-only')).body.get(9)).toEqual(['nfc']);
  });

  it('ignores parameters sent with getInfo', async () => {
    const auth = createAuthenticator();
    const r = await auth.handleRequest(Uint8Array.of(0x04, 0xff, 0x00));
    expect(r[0]).toBe(S.CTAP2_OK);
  });
});
