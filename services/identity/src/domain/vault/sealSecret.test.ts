import { randomBytes } from 'node:crypto';
import { isKeywardError } from '@keyward/contracts';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './sealSecret.ts';

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
});
