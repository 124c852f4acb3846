import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VaultDecryptError } from '../errors.ts';
import {
  kekFingerprint,
  openSecret,
  rewrapSecret,
  type SealedSecret,
  sealSecret,
} from './vaultCrypto.ts';

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

// The envelope itself (fresh keys, tampering, KEK size) is tested in @keyward/secret-envelope;
// these prove the vault's binding (serial, kind) and its VaultDecryptError.
describe('vault crypto', () => {
  it('round-trips a PIN and never stores it in clear', () => {
    const record = sealSecret({ kek, serial: 'SN1', kind: 'userPin', secret: pin });
    expect(JSON.stringify(record)).not.toContain(pin);
    expect(Buffer.from(record.ciphertext, 'base64').toString('utf8')).not.toContain(pin);
    expect(openSecret({ kek, serial: 'SN1', kind: 'userPin', record })).toBe(pin);
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

  it('opens a vault record sealed before the envelope moved to @keyward/secret-envelope', () => {
    const record: SealedSecret = {
      format: 'keyward-vault-v1',
      kekId: 'd724afaa270fec20',
      wrappedKey:
        'vXlTLvU35nhvZ6n53z+rjDSA+YY07KOmozmsD//FVE7iEq1txq1hXCCI6fTMN1l6410x1RTGzzkijIJP',
      iv: 'fBI/MJqEoNU4vMle',
      ciphertext: 'kgEunE095zOJiuiFohxjoxyigc3p97ft',
    };
    const fixedKek = Uint8Array.from({ length: 32 }, (_, i) => i);
    expect(openSecret({ kek: fixedKek, serial: 'SN-GOLDEN', kind: 'adminPin', record })).toBe(
      '73914682',
    );
  });
});
