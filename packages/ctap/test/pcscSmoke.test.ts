import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDevice } from '../src/operations/readDevice.ts';
import { type PcscEnv, pcscKey, startPcscEnv } from './support.ts';

let env: PcscEnv;
beforeAll(async () => {
  env = await startPcscEnv();
});
afterAll(async () => {
  await env?.stop();
});

describe('pcsc smoke', () => {
  it('reads a simulator card through pcscd + vpcd', async () => {
    const key = await pcscKey(env, { profile: 'nfc-only', serial: 'KW000002' });
    const report = await readDevice(key.dev);
    expect(report.serial).toBe('KW000002');
    expect(report.descriptor.transport).toBe('pcsc');
    await key.close();
  });
});
