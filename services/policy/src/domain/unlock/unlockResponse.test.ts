import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeUnlockResponse, generateUnlockSecret } from './unlockResponse.ts';

describe('computeUnlockResponse', () => {
  const unlockSecret = Buffer.alloc(32, 7);
  const challenge = Buffer.from('0102030405060708090a0b0c0d0e0f10', 'hex');

  it('is the first 16 bytes of HMAC-SHA-256 over label and challenge (fixed vector)', () => {
    const full = createHmac('sha256', unlockSecret)
      .update(Buffer.concat([Buffer.from('keyward-remote-unlock-v1'), challenge]))
      .digest();
    const response = computeUnlockResponse({ unlockSecret, challenge });
    expect(response.toString('hex')).toBe(full.subarray(0, 16).toString('hex'));
  });
  it('differs per secret and per challenge', () => {
    const a = computeUnlockResponse({ unlockSecret, challenge });
    const b = computeUnlockResponse({ unlockSecret: Buffer.alloc(32, 8), challenge });
    const c = computeUnlockResponse({ unlockSecret, challenge: Buffer.alloc(16, 1) });
    expect(a.equals(b)).toBe(false);
    expect(a.equals(c)).toBe(false);
  });
  it('rejects a challenge or secret of the wrong size', () => {
    expect(() => computeUnlockResponse({ unlockSecret, challenge: Buffer.alloc(4) })).toThrow(
      /challenge was 4 bytes, expected 16/,
    );
    expect(() => computeUnlockResponse({ unlockSecret: Buffer.alloc(16), challenge })).toThrow(
      /unlockSecret was 16 bytes, expected 32/,
    );
  });
  it('generates 32-byte random secrets', () => {
    const a = generateUnlockSecret();
    expect(a).toHaveLength(32);
    expect(a.equals(generateUnlockSecret())).toBe(false);
  });
});
