import { describe, expect, it } from 'vitest';
import { hex } from '../byteReader.ts';
import { generateKeyAgreementKey, PinProtocolError } from './keyAgreement.ts';
import {
  decapsulate,
  encapsulate,
  PinProtocolV1,
  PinProtocolV2,
  padPin,
  pinHash,
} from './protocol.ts';

// Vectors: python-fido2 tests/test_ctap2.py (protocol one; protocol-two keys derived from the
// same Z) and the WebAuthn Level 3 hmac-secret test vectors, as collected in
// shared/reference/ctap21.md §8.
const fido2 = {
  platformPriv: '7452E599FEE739D8A653F6A507343D12D382249108A651402520B72F24FE7684',
  authX: '0501D5BC78DA9252560A26CB08FCC60CBE0B6D3B8E1D1FCEE514FAC0AF675168',
  authY: 'D551B3ED46F665731F95B4532939C25D91DB7EB844BD96D4ABD4083785F8DF47',
  sharedV1: 'c42a039d548100dfba521e487debcbbb8b66bb7496f8b1862a7a395ed83e1a1c',
};
const webauthn = {
  platformPriv: '0971bc7fb1be48270adcd3d9a5fc15d5fb0f335b3071ff36a54c007fa6c76514',
  authX: 'a30522c2de402b561965c3cf949a1cab020c6f6ea36fcf7e911ac1a0f1515300',
  authY: '9961a929abdb2f42e6566771887d41484d889e735e3248518a53112d2b915f00',
  sharedV1: '23e5ed7157c25892b77732fb9c8a107e3518800db2af4142f9f4adfacb771d39',
  sharedV2:
    '0c63083de8170101d38bcf8bd72309568ddb4550867e23404b35d85712f7c20d' +
    '8bc911ee23c06034cbc14290b9669bec07739053c5a416e313ef905c79955876',
};

function peer(x: string, y: string) {
  return new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -25],
    [-1, 1],
    [-2, hex.decode(x)],
    [-3, hex.decode(y)],
  ]);
}

describe('PIN/UV auth protocol one', () => {
  const own = generateKeyAgreementKey(hex.decode(fido2.platformPriv));
  const { sharedSecret } = encapsulate(PinProtocolV1, peer(fido2.authX, fido2.authY), own);

  it('derives the python-fido2 shared secret', () => {
    expect(hex.encode(sharedSecret)).toBe(fido2.sharedV1);
  });

  it('encrypts the PIN hash as in the published setPIN/getPinToken vectors', () => {
    expect(hex.encode(pinHash('1234'))).toBe('03ac674216f3e15c761ee1a5e255f067');
    expect(hex.encode(PinProtocolV1.encrypt(sharedSecret, pinHash('1234')))).toBe(
      'afe8327ce416da8ee3d057589c2ce1a9',
    );
  });

  it('produces the published setPIN newPinEnc and pinUvAuthParam', () => {
    const newPinEnc = PinProtocolV1.encrypt(sharedSecret, padPin('1234'));
    expect(hex.encode(newPinEnc)).toBe(
      '0222fc42c6dd76a274a7057858b9b29d98e8a722ec2dc6668476168c5320473c' +
        'ec9907b4cd76ce7943c96ba5683943211d84471e64d9c51e54763488cd66526a',
    );
    expect(hex.encode(PinProtocolV1.authenticate(sharedSecret, newPinEnc))).toBe(
      '7b40c084ccc5794194189ab57836475f',
    );
  });

  it('decrypts the published pinToken', () => {
    const token = PinProtocolV1.decrypt(
      sharedSecret,
      hex.decode('7A9F98E31B77BE90F9C64D12E9635040'),
    );
    expect(hex.encode(token)).toBe('aff12c6dcfbf9df52f7a09211e8865cd');
  });

  it('verifies only a 16-byte MAC of the same message', () => {
    const msg = new Uint8Array([1, 2, 3]);
    const mac = PinProtocolV1.authenticate(sharedSecret, msg);
    expect(PinProtocolV1.verify(sharedSecret, msg, mac)).toBe(true);
    expect(PinProtocolV1.verify(sharedSecret, new Uint8Array([1, 2, 4]), mac)).toBe(false);
    expect(PinProtocolV1.verify(sharedSecret, msg, mac.subarray(0, 15))).toBe(false);
  });

  it('matches the WebAuthn hmac-secret vector', () => {
    const key = generateKeyAgreementKey(hex.decode(webauthn.platformPriv));
    const out = encapsulate(PinProtocolV1, peer(webauthn.authX, webauthn.authY), key);
    expect(hex.encode(out.sharedSecret)).toBe(webauthn.sharedV1);
  });
});

describe('PIN/UV auth protocol two', () => {
  const own = generateKeyAgreementKey(hex.decode(fido2.platformPriv));
  const { sharedSecret } = encapsulate(PinProtocolV2, peer(fido2.authX, fido2.authY), own);
  const iv = hex.decode('000102030405060708090a0b0c0d0e0f');

  it('derives HMAC and AES keys with HKDF-SHA-256', () => {
    expect(hex.encode(sharedSecret.subarray(0, 32))).toBe(
      '65ef955dd8cfcacab489ad582d64b872299cec1970aeffb10c90b9d9f4b4f1a7',
    );
    expect(hex.encode(sharedSecret.subarray(32))).toBe(
      '46cc03964825ccbaf159fde1958b2063871bd5b66ecf28972eaac583214a22d8',
    );
  });

  it('prefixes the IV and MACs with the full HMAC', () => {
    const enc = PinProtocolV2.encrypt(sharedSecret, pinHash('1234'), iv);
    expect(hex.encode(enc)).toBe(
      '000102030405060708090a0b0c0d0e0f09870d15a35707bcc287efb5be976011',
    );
    expect(hex.encode(PinProtocolV2.authenticate(sharedSecret, enc))).toBe(
      '3385377b593b90c22883d5804b63cf2924faceacc3d78cf947d4d7086744ee7c',
    );
    expect(hex.encode(PinProtocolV2.decrypt(sharedSecret, enc))).toBe(hex.encode(pinHash('1234')));
  });

  it('matches the WebAuthn hmac-secret vector', () => {
    const key = generateKeyAgreementKey(hex.decode(webauthn.platformPriv));
    const out = encapsulate(PinProtocolV2, peer(webauthn.authX, webauthn.authY), key);
    expect(hex.encode(out.sharedSecret)).toBe(webauthn.sharedV2);
  });

  it('refuses ciphertext without room for the IV', () => {
    expect(() => PinProtocolV2.decrypt(sharedSecret, new Uint8Array(8))).toThrow(PinProtocolError);
  });
});

describe.each([PinProtocolV1, PinProtocolV2])('protocol $version both ends', (protocol) => {
  it('agree on the shared secret', () => {
    const authenticatorKey = generateKeyAgreementKey();
    const platform = encapsulate(protocol, authenticatorKey.cose);
    const seen = decapsulate(protocol, authenticatorKey, platform.keyAgreement);
    expect(hex.encode(seen)).toBe(hex.encode(platform.sharedSecret));
  });

  it('reject a key agreement point that is not on the curve', () => {
    const bad = peer('01'.repeat(32), '02'.repeat(32));
    expect(() => encapsulate(protocol, bad)).toThrow(PinProtocolError);
  });
});

describe('padPin', () => {
  it('pads to 64 bytes and refuses PINs over 63 bytes', () => {
    expect(padPin('1234')).toHaveLength(64);
    expect(() => padPin('x'.repeat(64))).toThrow(/64 bytes, at most 63/);
  });
});
