import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSealedText, sealToRecipient } from './sealToRecipient.ts';
import type { TransportContext } from './transportContext.ts';
import { generateTransportKeyPair } from './transportKeys.ts';

/**
 * ADR 0007's construction written a second time from its text, on WebCrypto (SubtleCrypto
 * X25519 deriveBits, HKDF, AES-GCM) instead of node:crypto's KeyObject API: values sealed by one
 * open with the other, so the salt order, `info`, AAD and encodings are what the ADR says.
 */
const { subtle } = webcrypto;
const b64u = (bytes: ArrayBuffer | Uint8Array) =>
  Buffer.from(new Uint8Array(bytes)).toString('base64url');
const raw = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

function info(c: TransportContext): Uint8Array {
  return new TextEncoder().encode(
    ['keyward-transport-v1', c.subject, c.serial, c.field, c.replyKey ?? ''].join('\0'),
  );
}

async function aesKey(
  privateKey: webcrypto.CryptoKey,
  peer: Uint8Array,
  epk: Uint8Array,
  rpk: Uint8Array,
  c: TransportContext,
) {
  const peerKey = await subtle.importKey('raw', peer, { name: 'X25519' }, false, []);
  const shared = await subtle.deriveBits({ name: 'X25519', public: peerKey }, privateKey, 256);
  const ikm = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const salt = new Uint8Array([...epk, ...rpk]);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: info(c) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const context: TransportContext = {
  subject: 'keyward.policy.pin.read',
  serial: 'SN-9',
  field: 'adminPin',
  replyKey: 'r',
};

describe('the construction against an independent WebCrypto implementation', () => {
  it('WebCrypto opens what sealToRecipient sealed', async () => {
    const pair = (await subtle.generateKey({ name: 'X25519' }, true, [
      'deriveBits',
    ])) as webcrypto.CryptoKeyPair;
    const rpk = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
    const sealed = sealToRecipient('Adm1n-PIN-7731', { recipient: b64u(rpk), context });
    const key = await aesKey(pair.privateKey, raw(sealed.epk), raw(sealed.epk), rpk, context);
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: raw(sealed.iv), additionalData: info(context), tagLength: 128 },
      key,
      raw(sealed.ct),
    );
    expect(new TextDecoder().decode(plain)).toBe('Adm1n-PIN-7731');
  });

  it('openSealedText opens what WebCrypto sealed', async () => {
    const recipient = generateTransportKeyPair();
    const eph = (await subtle.generateKey({ name: 'X25519' }, true, [
      'deriveBits',
    ])) as webcrypto.CryptoKeyPair;
    const epk = new Uint8Array(await subtle.exportKey('raw', eph.publicKey));
    const rpk = raw(recipient.publicKey);
    const key = await aesKey(eph.privateKey, rpk, epk, rpk, context);
    const iv = webcrypto.getRandomValues(new Uint8Array(12));
    const ct = await subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: info(context), tagLength: 128 },
      key,
      new TextEncoder().encode('Adm1n-PIN-7731'),
    );
    const sealed = { v: 1, epk: b64u(epk), iv: b64u(iv), ct: b64u(ct) };
    expect(openSealedText(sealed, { recipient, context })).toBe('Adm1n-PIN-7731');
  });
});
