import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeUnlockResponse, generateUnlockSecret } from './unlockResponse.ts';

describe('computeUnlockResponse', () => {
  const unlockSecret = Buffer.alloc(32, 7);
  const challenge = Buffer.from('0102030405060708090a0b0c0d0e0f10', 'hex');

  it('is HMAC-SHA-256 over label, serial and challenge (fixed vector)', () => {
    const expected = createHmac('sha256', unlockSecret)
      .update(Buffer.concat([Buffer.from('keyward-remote-unlock-v1\0SN-1\0'), challenge]))
      .digest('hex');
    expect(
      Buffer.from(computeUnlockResponse({ unlockSecret, serial: 'SN-1', challenge })).toString(
        'hex',
      ),
    ).toBe(expected);
  });
  it('binds the serial: another key gets another response', () => {
    const a = computeUnlockResponse({ unlockSecret, serial: 'SN-1', challenge });
    const b = computeUnlockResponse({ unlockSecret, serial: 'SN-2', challenge });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
  it('rejects a challenge of the wrong size and a secret of the wrong size', () => {
    expect(() =>
      computeUnlockResponse({ unlockSecret, serial: 'SN-1', challenge: Buffer.alloc(4) }),
    ).toThrow(/challenge was 4 bytes/);
    expect(() =>
      computeUnlockResponse({ unlockSecret: Buffer.alloc(16), serial: 'SN-1', challenge }),
    ).toThrow(/unlockSecret was 16 bytes/);
  });
  it('generates 32-byte random secrets', () => {
    const a = generateUnlockSecret();
    expect(a).toHaveLength(32);
    expect(a.equals(generateUnlockSecret())).toBe(false);
  });
});
