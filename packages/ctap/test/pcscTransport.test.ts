import { randomBytes } from 'node:crypto';
import { presence } from '@keyward/authenticator-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ctap2 } from '../src/ctap2/ctap2.ts';
import { CtapTimeoutError } from '../src/errors.ts';
import { makeCredential } from '../src/operations/makeCredential.ts';
import { readDevice } from '../src/operations/readDevice.ts';
import { type PcscEnv, pcscKey, startPcscEnv } from './support.ts';

let env: PcscEnv;
beforeAll(async () => {
  env = await startPcscEnv();
});
afterAll(async () => {
  await env?.stop();
});

const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');

/** A makeCredential request well above one short APDU (255 bytes): a long exclude list. */
const bigRequest = () => ({
  origin: 'https://big.example',
  publicKey: {
    rp: { id: 'big.example', name: 'Big' },
    user: { id: b64u(randomBytes(32)), name: 'x'.repeat(60), displayName: 'y'.repeat(60) },
    challenge: b64u(randomBytes(32)),
    pubKeyCredParams: [{ alg: -7, type: 'public-key' as const }],
    excludeCredentials: Array.from({ length: 6 }, () => ({
      id: b64u(randomBytes(64)),
      type: 'public-key' as const,
    })),
  },
});

describe('PC/SC transport against the simulator card', () => {
  it('reads the card UID as transport serial next to the vendor serial', async () => {
    const key = await pcscKey(env, { profile: 'nfc-only', serial: 'KW000002' });
    const report = await readDevice(key.dev);
    expect(report.serial).toBe('KW000002');
    expect(report.descriptor.transport).toBe('pcsc');
    expect(report.descriptor.serial).toMatch(/^[0-9A-F]{8}$/);
    await key.close();
  });

  it('sends a long request with command chaining and gets a long answer through 61xx', async () => {
    const key = await pcscKey(env, { profile: 'generic' });
    const created = await makeCredential(key.dev, bigRequest());
    expect(Buffer.from(created.attestationObject, 'base64url').length).toBeGreaterThan(256);
    await key.close();
  });

  it('sends the same request as one extended-length APDU when asked', async () => {
    const key = await pcscKey(env, { profile: 'generic' });
    const { PcscCtapDevice } = await import('../src/pcsc/pcscDevice.ts');
    await key.dev.close();
    const card = await env.transport.context.connect(env.stack.readerName);
    const dev = await PcscCtapDevice.open(card, { extended: true });
    const created = await makeCredential(dev, bigRequest());
    expect(created.fmt).toBe('packed');
    await dev.close();
    await key.close();
  });

  it('gives up with CtapTimeoutError when the deadline passes, cancels, and stays usable', async () => {
    const key = await pcscKey(env, { profile: 'generic', presence: presence.manual() });
    const ctap2 = await Ctap2.open(key.dev);
    const error = await ctap2.selection({ timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CtapTimeoutError);
    key.auth.setPresence(presence.auto());
    await expect(ctap2.selection()).resolves.toBeUndefined();
    await key.close();
  });
});
