import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/slowService.ts', import.meta.url));

/** Resolves with the first JSON log line matching `predicate`. */
function waitForLine(child: ChildProcess, predicate: (line: Record<string, unknown>) => boolean) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (text) => {
      const line = JSON.parse(text) as Record<string, unknown>;
      if (predicate(line)) resolve(line);
    });
    child.once('exit', (code) =>
      reject(new Error(`fixture exited with ${code} before the expected line`)),
    );
  });
}

describe('runService', () => {
  it('on SIGTERM stops accepting, finishes the in-flight request, then exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    const listening = await waitForLine(child, (line) => line.msg === 'HTTP listening');
    const base = `http://127.0.0.1:${listening.port as number}`;
    const started = waitForLine(child, (line) => line.msg === 'slow request started');
    const inFlight = fetch(`${base}/slow`);
    await started;
    const stopped = waitForLine(child, (line) => line.msg === 'fixture stopped');

    child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await stopped;
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
