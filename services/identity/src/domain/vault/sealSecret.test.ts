import { randomBytes } from 'node:crypto';
import { isKeywardError } from '@keyward/contracts';
import { describe, expect, it } from 'vitest';
import { openSecret, type SealedSecret, sealSecret } from './sealSecret.ts';

const kek = randomBytes(32);

describe('IdP secret envelope', () => {
  it('round-trips and never stores the plaintext', () => {
    const record = sealSecret({
      kek,
      owner: 'idp1',
      field: 'clientSecret',
      secret: 's3cr3t-value',
    });
    expect(JSON.stringify(record)).not.toContain('s3cr3t');
    expect(openSecret({ kek, owner: 'idp1', field: 'clientSecret', record })).toBe('s3cr3t-value');
  });

  it('refuses a record moved to another connection or field', () => {
    const record = sealSecret({ kek, owner: 'idp1', field: 'clientSecret', secret: 'x' });
    expect(() => openSecret({ kek, owner: 'idp2', field: 'clientSecret', record })).toThrow(
      /tampered or moved/,
    );
    expect(() => openSecret({ kek, owner: 'idp1', field: 'privateKeyPem', record })).toThrow(
      /tampered or moved/,
    );
  });

  it('names the KEK mismatch without revealing either key', () => {
    const record = sealSecret({ kek, owner: 'idp1', field: 'clientSecret', secret: 'x' });
    try {
      openSecret({ kek: randomBytes(32), owner: 'idp1', field: 'clientSecret', record });
      expect.unreachable();
    } catch (err) {
      expect(isKeywardError(err) && err.code).toBe('VAULT_DECRYPT_FAILED');
      expect(String(err)).toContain(record.kekId);
    }
  });

  it('opens a secret sealed before the envelope moved to @keyward/secret-envelope', () => {
    const record: SealedSecret = {
      format: 'keyward-vault-v1',
      kekId: 'd724afaa270fec20',
      wrappedKey:
        'hJCt2HeQm6nYQ3RquUTuj2nvJSjvX1vXR5va+UMsQIxSgX/XioDIcLkhxVi6rAgR77S8JyUkxQsyxGro',
      iv: 'tOZCyN2u3npVfAiT',
      ciphertext: '7cNy72yrB6sjkEwY8VdBClpqjDr3eRbIJbNI1Ky72W3G7pmi',
    };
    const fixedKek = Uint8Array.from({ length: 32 }, (_, i) => i);
    expect(openSecret({ kek: fixedKek, owner: 'idp-golden', field: 'clientSecret', record })).toBe(
      'golden-client-secret',
    );
  });
});
