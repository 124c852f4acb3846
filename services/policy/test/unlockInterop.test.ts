import { randomBytes } from 'node:crypto';
import { remoteUnlockResponse } from '@keyward/ctap/internal';
import { describe, expect, it } from 'vitest';
import { computeUnlockResponse } from '../src/domain/unlock/unlockResponse.ts';

describe('remote unlock interop with the keyward-sim vendor protocol', () => {
  it('computes exactly the response the key (@keyward/ctap remoteUnlockResponse) expects', () => {
    for (let i = 0; i < 20; i++) {
      const unlockSecret = randomBytes(32);
      const challenge = randomBytes(16);
      expect(computeUnlockResponse({ unlockSecret, challenge }).toString('hex')).toBe(
        Buffer.from(remoteUnlockResponse(unlockSecret, challenge)).toString('hex'),
      );
    }
  });
});
