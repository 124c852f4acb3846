import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvelopeOpenError } from './envelopeOpenError.ts';
import { kekFingerprint } from './kekFingerprint.ts';
import { open, openText } from './open.ts';
import { rewrap } from './rewrap.ts';
import { seal } from './seal.ts';

const kek = randomBytes(32);
const otherKek = randomBytes(32);
const pin = '73914682';
const ad = { owner: 'SN1', kind: 'userPin' };

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('secret envelope', () => {
  it('round-trips text and bytes and never stores the secret in clear', () => {
    const record = seal(pin, { kek, associatedData: ad });
    expect(JSON.stringify(record)).not.toContain(pin);
    expect(Buffer.from(record.ciphertext, 'base64').toString('utf8')).not.toContain(pin);
    expect(openText(record, { kek, associatedData: ad })).toBe(pin);
    const bytes = randomBytes(32);
    expect(open(seal(bytes, { kek, associatedData: ad }), { kek, associatedData: ad })).toEqual(
      bytes,
    );
  });

  it('uses a fresh data key and IV per record', () => {
    const a = seal(pin, { kek, associatedData: ad });
    const b = seal(pin, { kek, associatedData: ad });
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('fails closed under the wrong KEK with a typed error naming KEK ids but no secret', () => {
    const record = seal(pin, { kek, associatedData: ad });
    const error = thrown(() => openText(record, { kek: otherKek, associatedData: ad }));
    expect(error).toBeInstanceOf(EnvelopeOpenError);
    expect(error).toMatchObject({
      code: 'VAULT_DECRYPT_FAILED',
      reason: 'kek-mismatch',
      recordKekId: kekFingerprint(kek),
      kekId: kekFingerprint(otherKek),
    });
    const text = `${(error as Error).message} ${JSON.stringify(error)}`;
    expect(text).toContain(kekFingerprint(otherKek));
    expect(text).not.toContain(pin);
    expect(text).not.toContain(kek.toString('base64'));
    expect(text).not.toContain(kek.toString('hex'));
  });

  it.each([
    ['another owner', { owner: 'SN2', kind: 'userPin' }],
    ['another kind', { owner: 'SN1', kind: 'adminPin' }],
  ])('refuses a record moved to %s (AAD binds owner and kind)', (_, where) => {
    const record = seal(pin, { kek, associatedData: ad });
    const error = thrown(() => open(record, { kek, associatedData: where }));
    expect(error).toBeInstanceOf(EnvelopeOpenError);
    expect(error).toMatchObject({ reason: 'authentication-failed' });
    expect((error as Error).message).toMatch(/tampered or moved/);
  });

  it('refuses associated data containing NUL, which would make two bindings encode alike', () => {
    expect(() => seal(pin, { kek, associatedData: { owner: 'SN1\0userPin', kind: '' } })).toThrow(
      TypeError,
    );
  });

  it('refuses a record whose ciphertext was swapped with another record', () => {
    const a = seal(pin, { kek, associatedData: ad });
    const b = seal('55550000', { kek, associatedData: ad });
    expect(() =>
      open({ ...a, ciphertext: b.ciphertext, iv: b.iv }, { kek, associatedData: ad }),
    ).toThrow(EnvelopeOpenError);
  });

  it('refuses a flipped ciphertext bit and a truncated record', () => {
    const record = seal(pin, { kek, associatedData: ad });
    const bytes = Buffer.from(record.ciphertext, 'base64');
    bytes[0]! ^= 1;
    expect(() =>
      open({ ...record, ciphertext: bytes.toString('base64') }, { kek, associatedData: ad }),
    ).toThrow(EnvelopeOpenError);
    expect(() => open({ ...record, wrappedKey: 'AAAA' }, { kek, associatedData: ad })).toThrow(
      EnvelopeOpenError,
    );
  });

  it('rewraps under a new KEK: readable with the new, not the old, ciphertext untouched', () => {
    const record = seal(pin, { kek, associatedData: ad });
    const rewrapped = rewrap(record, { oldKek: kek, newKek: otherKek, associatedData: ad });
    expect(rewrapped.kekId).toBe(kekFingerprint(otherKek));
    expect(rewrapped.ciphertext).toBe(record.ciphertext);
    expect(openText(rewrapped, { kek: otherKek, associatedData: ad })).toBe(pin);
    expect(() => open(rewrapped, { kek, associatedData: ad })).toThrow(EnvelopeOpenError);
  });

  it('does not rewrap a record it cannot open', () => {
    const record = seal(pin, { kek, associatedData: ad });
    expect(() => rewrap(record, { oldKek: otherKek, newKek: kek, associatedData: ad })).toThrow(
      EnvelopeOpenError,
    );
  });

  it('rejects a KEK of the wrong size as a caller bug', () => {
    expect(() => seal(pin, { kek: randomBytes(16), associatedData: ad })).toThrow(TypeError);
    const record = seal(pin, { kek, associatedData: ad });
    expect(() =>
      rewrap(record, { oldKek: kek, newKek: randomBytes(31), associatedData: ad }),
    ).toThrow(TypeError);
  });
});
