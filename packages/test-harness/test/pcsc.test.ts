import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startPcsc } from '../src/index.ts';

const run = promisify(execFile);

// pyscard (Debian python3-pyscard) is an independent PC/SC client: it proves the reader is
// visible through libpcsclite with nothing but the returned env.
async function listReaders(env: Record<string, string>): Promise<string[]> {
  const { stdout } = await run(
    '/usr/bin/python3',
    [
      '-c',
      'import json; from smartcard.System import readers; print(json.dumps([str(r) for r in readers()]))',
    ],
    { env: { ...process.env, ...env } },
  );
  return JSON.parse(stdout) as string[];
}

describe('startPcsc', () => {
  it('starts a private pcscd whose vpcd reader PC/SC clients see through the returned env', async () => {
    const pcsc = await startPcsc();
    try {
      expect(await listReaders(pcsc.env)).toContain(pcsc.readerName);
      expect(pcsc.readerName).toBe('Virtual PCD 00 00');
    } finally {
      await pcsc.stop();
    }
    expect(existsSync(pcsc.env.PCSCLITE_CSOCK_NAME)).toBe(false);
  });

  it('gives two callers independent instances on their own sockets and vpcd ports', async () => {
    const [a, b] = await Promise.all([startPcsc(), startPcsc()]);
    try {
      expect(a.env.PCSCLITE_CSOCK_NAME).not.toBe(b.env.PCSCLITE_CSOCK_NAME);
      expect(new Set([a.vpcdPort, a.vpcdPort + 1, b.vpcdPort, b.vpcdPort + 1]).size).toBe(4);
      await a.stop();
      expect(await listReaders(b.env)).toContain(b.readerName);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
