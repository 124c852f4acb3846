import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MissingBinaryError, resolveBinary, spawnProcess, tempDir } from '../src/index.ts';
import { isAlive } from './support.ts';

const run = promisify(execFile);
const fixture = fileURLToPath(new URL('./fixtures/spawnAndExit.ts', import.meta.url));

async function waitUntilDead(pid: number): Promise<boolean> {
  for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 25));
  return !isAlive(pid);
}

describe('spawnProcess', () => {
  it('stops a process with SIGTERM and reports how it ended', async () => {
    const proc = spawnProcess({ name: 'sleeper', command: 'sleep', args: ['600'] });
    expect(proc.exitReason()).toBeUndefined();
    const exit = await proc.stop();
    expect(exit.signal).toBe('SIGTERM');
    expect(proc.exitReason()).toBe('killed by SIGTERM');
  });

  it('keeps the output for error messages', async () => {
    const proc = spawnProcess({
      name: 'echo',
      command: 'sh',
      args: ['-c', 'echo one; echo two >&2; exit 3'],
    });
    expect(await proc.exited).toEqual({ code: 3, signal: null });
    expect(proc.output().split('\n').sort()).toEqual(['one', 'two']);
  });

  it.each(['exit', 'SIGKILL'])('kills children when the test process ends (%s)', async (how) => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', fixture, how]).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    const pid = Number(stdout.trim());
    expect(pid).toBeGreaterThan(0);
    expect(await waitUntilDead(pid)).toBe(true);
  });
});

describe('resolveBinary', () => {
  it('throws an error naming the binary and the setup command', () => {
    expect(() => resolveBinary({ name: 'no-such-tool', env: { PATH: '/nonexistent' } })).toThrow(
      MissingBinaryError,
    );
    expect(() => resolveBinary({ name: 'no-such-tool', env: { PATH: '/nonexistent' } })).toThrow(
      /no-such-tool not found .*npm run setup/,
    );
  });
});

describe('tempDir', () => {
  it('creates a directory and removes it', async () => {
    const dir = tempDir('harness');
    expect(existsSync(dir.path)).toBe(true);
    await dir.remove();
    expect(existsSync(dir.path)).toBe(false);
  });
});
