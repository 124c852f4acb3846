import { describe, expect, it } from 'vitest';
import { kekFingerprint } from './kekFingerprint.ts';
import { openText } from './open.ts';
import type { SealedRecord } from './sealedRecord.ts';

// Records sealed by the services' own implementations before they moved to this package (policy
// vaultCrypto.ts, identity sealSecret.ts), with the KEK 00 01 … 1f. Stored records must keep
// opening, so these bytes are frozen: if this test fails, the stored format changed.
const kek = Uint8Array.from({ length: 32 }, (_, i) => i);

const policyAdminPin: SealedRecord = {
  format: 'keyward-vault-v1',
  kekId: 'd724afaa270fec20',
  wrappedKey: 'vXlTLvU35nhvZ6n53z+rjDSA+YY07KOmozmsD//FVE7iEq1txq1hXCCI6fTMN1l6410x1RTGzzkijIJP',
  iv: 'fBI/MJqEoNU4vMle',
  ciphertext: 'kgEunE095zOJiuiFohxjoxyigc3p97ft',
};

const identityClientSecret: SealedRecord = {
  format: 'keyward-vault-v1',
  kekId: 'd724afaa270fec20',
  wrappedKey: 'hJCt2HeQm6nYQ3RquUTuj2nvJSjvX1vXR5va+UMsQIxSgX/XioDIcLkhxVi6rAgR77S8JyUkxQsyxGro',
  iv: 'tOZCyN2u3npVfAiT',
  ciphertext: '7cNy72yrB6sjkEwY8VdBClpqjDr3eRbIJbNI1Ky72W3G7pmi',
};

describe('stored record format', () => {
  it('keeps the KEK fingerprint of existing records', () => {
    expect(kekFingerprint(kek)).toBe('d724afaa270fec20');
  });

  it('opens a policy vault record (owner = serial, kind = vault kind)', () => {
    expect(
      openText(policyAdminPin, { kek, associatedData: { owner: 'SN-GOLDEN', kind: 'adminPin' } }),
    ).toBe('73914682');
  });

  it('opens an identity IdP secret (owner = idp:<connection id>, kind = field)', () => {
    expect(
      openText(identityClientSecret, {
        kek,
        associatedData: { owner: 'idp:idp-golden', kind: 'clientSecret' },
      }),
    ).toBe('golden-client-secret');
  });
});
