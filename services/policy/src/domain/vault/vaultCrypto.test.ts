import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VaultDecryptError } from '../errors.ts';
import { kekFingerprint, openSecret, rewrapSecret, sealSecret } from './vaultCrypto.ts';

const kek = randomBytes(32);
const otherKek = randomBytes(32);
const pin = '73914682';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('vault crypto', () => {
  it('round-trips a PIN and never stores it in clear', () => {
    const record = sealSecret({ kek, serial: 'SN1', kind: 'userPin', secret: pin });
    expect(JSON.stringify(record)).not.toContain(pin);
    expect(Buffer.from(record.ciphertext, 'base64').toString('utf8')).not.toContain(pin);
    expect(openSecret({ kek, serial: 'SN1', kind: 'userPin', record })).toBe(pin);
  });

  it('uses a fresh data key and IV per record', () => {
    const a = sealSecret({ kek, serial: 'SN1', kind: 'userPin', secret: pin });
    const b = sealSecret({ kek, serial: 'SN1', kind: 'userPin', secret: pin });
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('fails closed with a typed error under the wrong KEK, naming KEK ids but no secret', () => {
    const record = sealSecret({ kek, serial: 'SN1', kind: 'userPin', secret: pin });
    const error = thrown(() =>
      openSecret({ kek: otherKek, serial: 'SN1', kind: 'userPin', record }),
    );
    expect(error).toBeInstanceOf(VaultDecryptError);
    expect(error).toMatchObject({ code: 'VAULT_DECRYPT_FAILED' });
    const text = `${(error as Error).message} ${JSON.stringify((error as VaultDecryptError).details)}`;
    expect(text).toContain(kekFingerprint(otherKek));
    expect(text).not.toContain(pin);
    expect(text).not.toContain(kek.toString('base64'));
  });

  it.each([
    ['another serial', { serial: 'SN2', kind: 'userPin' as const }],
    ['another kind', { serial: 'SN1', kind: 'adminPin' as const }],
  ])('refuses a record moved to %s (AAD binds serial and kind)', (_, where) => {
    const record = sealSecret({ kek, serial: 'SN1', kind: 'userPin', secret: pin });
    expect(() => openSecret({ kek, ...where, record })).toThrow(VaultDecryptError);
  });

  it('refuses a record whose ciphertext was swapped with another record', () => {
    const a = sealSecret({ kek, serial: 'SN1', kind: 'userPin', secret: pin });
    const b = sealSecret({ kek, serial: 'SN1', kind: 'userPin', secret: '55550000' });
    expect(() =>
      openSecret({
        kek,
        serial: 'SN1',
        kind: 'userPin',
        record: { ...a, ciphertext: b.ciphertext, iv: b.iv },
      }),
    ).toThrow(VaultDecryptError);
  });

  it('refuses a flipped ciphertext bit and a truncated record', () => {
    const record = sealSecret({ kek, serial: 'SN1', kind: 'userPin', secret: pin });
    const bytes = Buffer.from(record.ciphertext, 'base64');
    bytes[0]! ^= 1;
    expect(() =>
      openSecret({
        kek,
        serial: 'SN1',
        kind: 'userPin',
        record: { ...record, ciphertext: bytes.toString('base64') },
      }),
    ).toThrow(VaultDecryptError);
    expect(() =>
      openSecret({
        kek,
        serial: 'SN1',
        kind: 'userPin',
        record: { ...record, wrappedKey: 'AAAA' },
      }),
    ).toThrow(VaultDecryptError);
  });

  it('rewraps under a new KEK: readable with the new, not the old', () => {
    const record = sealSecret({ kek, serial: 'SN1', kind: 'adminPin', secret: pin });
    const rewrapped = rewrapSecret({
      kek,
      newKek: otherKek,
      serial: 'SN1',
      kind: 'adminPin',
      record,
    });
    expect(rewrapped.kekId).toBe(kekFingerprint(otherKek));
    expect(rewrapped.ciphertext).toBe(record.ciphertext);
    expect(openSecret({ kek: otherKek, serial: 'SN1', kind: 'adminPin', record: rewrapped })).toBe(
      pin,
    );
    expect(() => openSecret({ kek, serial: 'SN1', kind: 'adminPin', record: rewrapped })).toThrow(
      VaultDecryptError,
    );
  });

  it('does not rewrap a record it cannot open', () => {
    const record = sealSecret({ kek, serial: 'SN1', kind: 'userPin', secret: pin });
    expect(() =>
      rewrapSecret({ kek: otherKek, newKek: kek, serial: 'SN1', kind: 'userPin', record }),
    ).toThrow(VaultDecryptError);
  });

  it('rejects a KEK of the wrong size as a caller bug', () => {
    expect(() =>
      sealSecret({ kek: randomBytes(16), serial: 'SN1', kind: 'userPin', secret: pin }),
    ).toThrow(TypeError);
  });
});
