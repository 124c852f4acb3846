import { diffieHellman } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SealedValueOpenError } from './sealedValueOpenError.ts';
import { openSealedText, sealToRecipient } from './sealToRecipient.ts';
import type { TransportContext } from './transportContext.ts';
import {
  deriveTransportKeyPair,
  generateTransportKeyPair,
  importTransportPublicKey,
  transportKeyPairFromRaw,
} from './transportKeys.ts';

const context: TransportContext = {
  subject: 'keyward.policy.plan',
  serial: 'SN-1',
  field: 'userPin',
  replyKey: '',
};

function refusal(fn: () => unknown): SealedValueOpenError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SealedValueOpenError) return error;
    throw error;
  }
  throw new Error('expected the sealed value to be refused');
}

/** Flips one bit of one base64url field. */
function flip(text: string, at = 5): string {
  const bytes = Buffer.from(text, 'base64url');
  bytes[at % bytes.length]! ^= 0x01;
  return bytes.toString('base64url');
}

describe('sealToRecipient / openSealedText', () => {
  const recipient = generateTransportKeyPair();

  it('opens with the recipient key and the same context', () => {
    const sealed = sealToRecipient('48213975', { recipient: recipient.publicKey, context });
    expect(sealed.v).toBe(1);
    expect(openSealedText(sealed, { recipient, context })).toBe('48213975');
  });

  it('uses a fresh ephemeral key and IV per value, so two seals of one PIN share nothing', () => {
    const a = sealToRecipient('48213975', { recipient: recipient.publicKey, context });
    const b = sealToRecipient('48213975', { recipient: recipient.publicKey, context });
    expect(a.epk).not.toBe(b.epk);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
    expect(JSON.stringify(a)).not.toContain('48213975');
  });

  it('refuses another recipient key', () => {
    const sealed = sealToRecipient('48213975', { recipient: recipient.publicKey, context });
    const other = generateTransportKeyPair();
    const error = refusal(() => openSealedText(sealed, { recipient: other, context }));
    expect(error).toMatchObject({ code: 'SEALED_VALUE_INVALID', reason: 'authentication-failed' });
    expect(error.message).not.toContain('48213975');
  });

  it.each([
    ['subject', { subject: 'keyward.policy.pin.store' }],
    ['serial', { serial: 'SN-2' }],
    ['field', { field: 'adminPin' }],
    ['replyKey', { replyKey: generateTransportKeyPair().publicKey }],
  ])('refuses a value replayed into another %s', (_name, change) => {
    const sealed = sealToRecipient('48213975', { recipient: recipient.publicKey, context });
    const error = refusal(() =>
      openSealedText(sealed, { recipient, context: { ...context, ...change } }),
    );
    expect(error.reason).toBe('authentication-failed');
  });

  it.each(['epk', 'iv', 'ct'] as const)('refuses a tampered %s', (field) => {
    const sealed = sealToRecipient('48213975', { recipient: recipient.publicKey, context });
    const tampered = { ...sealed, [field]: flip(sealed[field]) };
    expect(refusal(() => openSealedText(tampered, { recipient, context })).code).toBe(
      'SEALED_VALUE_INVALID',
    );
  });

  it('refuses a truncated ciphertext (the tag cut off)', () => {
    const sealed = sealToRecipient('48213975', { recipient: recipient.publicKey, context });
    const short = Buffer.from(sealed.ct, 'base64url').subarray(0, 16).toString('base64url');
    expect(
      refusal(() => openSealedText({ ...sealed, ct: short }, { recipient, context })).reason,
    ).toBe('authentication-failed');
  });

  it.each([
    ['another version', (s: object) => ({ ...s, v: 2 })],
    ['a missing field', ({ ct: _ct, ...rest }: { ct: string }) => rest],
    ['padding in base64url', (s: { iv: string }) => ({ ...s, iv: `${s.iv.slice(0, 14)}==` })],
    ['a string', () => 'sealed'],
  ])('says malformed for %s', (_name, mangle) => {
    const sealed = sealToRecipient('48213975', { recipient: recipient.publicKey, context });
    const error = refusal(() => openSealedText(mangle(sealed as never), { recipient, context }));
    expect(error.reason).toBe('malformed');
  });

  it('says malformed for a low-order sender key (all-zero shared secret, RFC 7748 §6.1)', () => {
    const sealed = sealToRecipient('48213975', { recipient: recipient.publicKey, context });
    const zero = Buffer.alloc(32).toString('base64url');
    expect(
      refusal(() => openSealedText({ ...sealed, epk: zero }, { recipient, context })).reason,
    ).toBe('malformed');
  });

  it('refuses NUL inside a context component (two contexts would encode alike)', () => {
    expect(() =>
      sealToRecipient('1', {
        recipient: recipient.publicKey,
        context: { ...context, serial: 'a\0b' },
      }),
    ).toThrow(TypeError);
  });

  it('refuses a recipient key that is not 32 bytes of base64url', () => {
    expect(() => sealToRecipient('1', { recipient: 'AAAA', context })).toThrow(TypeError);
  });
});

describe('transport keys', () => {
  const kek = Buffer.alloc(32, 7);

  it('derives the same pair from the same secret and label (every policy replica)', () => {
    const a = deriveTransportKeyPair({ secret: kek, label: 'policy sealing key' });
    const b = deriveTransportKeyPair({ secret: Buffer.from(kek), label: 'policy sealing key' });
    expect(a.publicKey).toBe(b.publicKey);
    expect(a.keyId).toBe(b.keyId);
    const sealed = sealToRecipient('x', { recipient: a.publicKey, context });
    expect(openSealedText(sealed, { recipient: b, context })).toBe('x');
  });

  it('gives unrelated pairs for another label or secret, and never uses the secret as the key', () => {
    const base = deriveTransportKeyPair({ secret: kek, label: 'policy sealing key' });
    expect(deriveTransportKeyPair({ secret: kek, label: 'other' }).publicKey).not.toBe(
      base.publicKey,
    );
    expect(
      deriveTransportKeyPair({ secret: Buffer.alloc(32, 8), label: 'policy sealing key' })
        .publicKey,
    ).not.toBe(base.publicKey);
    expect(transportKeyPairFromRaw(kek).publicKey).not.toBe(base.publicKey);
  });

  it('refuses a short secret', () => {
    expect(() => deriveTransportKeyPair({ secret: Buffer.alloc(16), label: 'x' })).toThrow(
      TypeError,
    );
  });

  // RFC 7748 §6.1: Alice's and Bob's keys and their shared secret.
  it('imports raw X25519 keys as RFC 7748 §6.1 says', () => {
    const alice = transportKeyPairFromRaw(
      Buffer.from('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a', 'hex'),
    );
    const bob = transportKeyPairFromRaw(
      Buffer.from('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb', 'hex'),
    );
    expect(Buffer.from(alice.publicKey, 'base64url').toString('hex')).toBe(
      '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
    );
    expect(Buffer.from(bob.publicKey, 'base64url').toString('hex')).toBe(
      'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f',
    );
    const shared = diffieHellman({
      privateKey: alice.privateKey,
      publicKey: importTransportPublicKey(bob.publicKey),
    });
    expect(shared.toString('hex')).toBe(
      '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742',
    );
  });
});
