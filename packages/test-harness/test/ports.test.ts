import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, waitForPort } from '../src/index.ts';

describe('freePort', () => {
  it('returns consecutive ports that can be bound, never the same one twice', async () => {
    const first = await freePort({ count: 2 });
    const second = await freePort();
    expect(second).not.toBe(first);
    expect(second).not.toBe(first + 1);
    for (const port of [first, first + 1]) {
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('waitForPort', () => {
  it('resolves once something listens on the port', async () => {
    const port = await freePort();
    const server = createServer();
    const waiting = waitForPort({ port });
    server.listen(port, '127.0.0.1');
    await expect(waiting).resolves.toBeUndefined();
    server.close();
  });

  it('gives up with the reason from abort()', async () => {
    const port = await freePort();
    await expect(waitForPort({ port, abort: () => 'exited with code 1' })).rejects.toThrow(
      /exited with code 1/,
    );
  });

  it('gives up after the timeout when nothing listens', async () => {
    const port = await freePort();
    await expect(waitForPort({ port, timeoutMs: 0 })).rejects.toThrow(/nothing accepted/);
  });
});
