import { describe, expect, it } from 'vitest';
import { getAssertion } from '../src/operations/getAssertion.ts';
import { makeCredential } from '../src/operations/makeCredential.ts';
import { readDevice } from '../src/operations/readDevice.ts';
import { setPin } from '../src/operations/setPin.ts';
import { memoryKey } from './support.ts';

describe('smoke', () => {
  it('reads, sets a PIN, registers and asserts over in-memory HID', async () => {
    const key = await memoryKey({ profile: 'generic', serial: 'KW000001' });
    const report = await readDevice(key.dev);
    expect(report.serial).toBe('KW000001');
    await setPin(key.dev, { pin: '123456' });
    const mc = await makeCredential(key.dev, {
      origin: 'https://example.com',
      pin: '123456',
      publicKey: {
        rp: { name: 'Example' },
        user: { id: 'dXNlcjE', name: 'u', displayName: 'U' },
        challenge: 'Y2hhbGxlbmdl',
        pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
      },
    });
    const ga = await getAssertion(key.dev, {
      origin: 'https://example.com',
      pin: '123456',
      credentialPublicKey: mc.publicKey,
      publicKey: {
        challenge: 'YWJj',
        allowCredentials: [{ id: mc.credentialId, type: 'public-key' }],
      },
    });
    expect(ga.signatureValid).toBe(true);
    await key.close();
  });
});
