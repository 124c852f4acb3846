/**
 * The CLI end to end: `keyward-sim plug` inserts a key into a real pcscd (private instance from
 * @keyward/test-harness), python-fido2 reads it over PC/SC, Ctrl-C removes it and saves state.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPcsc } from '@keyward/test-harness';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function waitForLine(child: ChildProcess, text: string, output: { text: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output.text += d;
      if (output.text.includes(text)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => {
      output.text += d;
    });
    child.on('exit', (code) => reject(new Error(`CLI exited ${code}:\n${output.text}`)));
  });
}

const python = (code: string, env: NodeJS.ProcessEnv) =>
  new Promise<string>((resolve, reject) =>
    execFile('/usr/bin/python3', ['-c', code], { env, timeout: 30_000 }, (e, out, err) =>
      e ? reject(new Error(`${e.message}\n${err}`)) : resolve(out),
    ),
  );

describe('keyward-sim plug', () => {
  it('keeps a ctap20 key in the vpcd reader until SIGINT and saves its state', async () => {
    const pcsc = await startPcsc();
    const dir = mkdtempSync(join(tmpdir(), 'keyward-cli-'));
    const stateFile = join(dir, 'key.json');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        CLI,
        'plug',
        '--pcsc',
        '--profile',
        'ctap20',
        '--serial',
        'KW000777',
        '--port',
        String(pcsc.vpcdPort),
        '--state',
        stateFile,
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const output = { text: '' };
    try {
      await waitForLine(child, 'inserted in vpcd', output);
      const info = await python(
        [
          'import time',
          'from fido2.pcsc import CtapPcscDevice',
          'from fido2.ctap2 import Ctap2',
          // pcscd notices the inserted card by polling vpcd.
          'for _ in range(75):',
          `    devs = list(CtapPcscDevice.list_devices(${JSON.stringify(pcsc.readerName)}))`,
          '    if devs: break',
          '    time.sleep(0.2)',
          'print(Ctap2(devs[0]).info.versions)',
        ].join('\n'),
        { ...process.env, ...pcsc.env },
      );
      expect(info.trim()).toBe("['FIDO_2_0']");
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      const state = JSON.parse(readFileSync(stateFile, 'utf8'));
      expect(state).toMatchObject({ profile: 'ctap20', serial: 'KW000777' });
      expect(output.text).toContain('getInfo → CTAP2_OK');
    } finally {
      child.kill('SIGKILL');
      await pcsc.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('asks for a touch with --touch prompt and approves it on Enter (9100 polling over PC/SC)', async () => {
    const pcsc = await startPcsc();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        CLI,
        'plug',
        '--pcsc',
        '--touch',
        'prompt',
        '--port',
        String(pcsc.vpcdPort),
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const output = { text: '' };
    try {
      await waitForLine(child, 'inserted in vpcd', output);
      const prompted = waitForLine(child, 'touch the key (press Enter)', output).then(() => {
        child.stdin?.write('\n');
      });
      const selection = python(
        [
          'import time',
          'from fido2.pcsc import CtapPcscDevice',
          'from fido2.ctap2 import Ctap2',
          'for _ in range(75):',
          `    devs = list(CtapPcscDevice.list_devices(${JSON.stringify(pcsc.readerName)}))`,
          '    if devs: break',
          '    time.sleep(0.2)',
          'ctap = Ctap2(devs[0])',
          'ctap.selection()',
          "print('selected')",
        ].join('\n'),
        { ...process.env, ...pcsc.env },
      );
      await prompted;
      expect((await selection).trim()).toBe('selected');
      expect(output.text).toContain('selection → CTAP2_OK');
    } finally {
      child.kill('SIGKILL');
      await pcsc.stop();
    }
  }, 60_000);
});
