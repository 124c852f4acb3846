import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isKeywardError, type KeywardError } from '@keyward/contracts';
import { freePort, startNats, tempDir } from '@keyward/test-harness';
import { describe, expect, it } from 'vitest';
import {
  connectMongo,
  connectNats,
  consumeEvents,
  ensureEventStream,
  isNatsReachable,
} from '../src/index.ts';
import { captureLogger } from './support.ts';

async function rejection(promise: Promise<unknown>): Promise<KeywardError> {
  try {
    await promise;
  } catch (error) {
    if (isKeywardError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('connections', () => {
  it('connectNats fails start-up with UPSTREAM_UNAVAILABLE when nothing listens', async () => {
    const { logger } = captureLogger();
    const url = `nats://127.0.0.1:${await freePort()}`;
    const nats = await startNats({ jetstream: false });
    await nats.stop();
    const credentialsFile = nats.credentialsFile('operator');
    const error = await rejection(connectNats({ url, name: 'kittest', logger, credentialsFile }));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toContain(url);
  });

  it('connectNats fails start-up with CONFIG_INVALID for an unreadable credentials file, never quoting it', async () => {
    const { logger } = captureLogger();
    const dir = tempDir('bad-creds');
    const credentialsFile = join(dir.path, 'policy.creds.json');
    writeFileSync(credentialsFile, 'SUAMQ7SECRETSEEDDONOTPRINT');
    const url = `nats://127.0.0.1:${await freePort()}`;
    const error = await rejection(connectNats({ url, name: 'kittest', logger, credentialsFile }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      `NATS_CREDENTIALS: cannot read ${credentialsFile}: bus credentials ${credentialsFile}: not JSON`,
    );
    await dir.remove();
  });

  it('connectMongo fails with UPSTREAM_UNAVAILABLE when nothing listens', async () => {
    const { logger } = captureLogger();
    const url = `mongodb://127.0.0.1:${await freePort()}`;
    const error = await rejection(
      connectMongo({ url, dbName: 'x', logger, serverSelectionTimeoutMs: 300 }),
    );
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toContain('"x"');
  });

  it('connectNats logs the loss and the return of the server', async () => {
    const nats = await startNats();
    const { logger, lines } = captureLogger();
    const nc = await connectNats({
      url: nats.url,
      name: 'kittest',
      logger,
      credentialsFile: nats.credentialsFile('operator'),
      reconnectTimeWaitMs: 50,
    });
    try {
      expect(await isNatsReachable(nc)).toBe(true);
      const reconnected = (async () => {
        for await (const status of nc.status()) if (status.type === 'reconnect') return;
      })();
      await nats.stop();
      const restarted = await startNats({
        port: nats.port,
        credentialsDir: nats.credentialsDir,
      });
      try {
        await reconnected;
        await nc.flush();
        const log = lines().join('');
        expect(log).toContain('NATS connection lost, reconnecting');
        expect(log).toContain('NATS reconnected');
      } finally {
        await nc.close();
        await restarted.stop();
      }
    } finally {
      await nats.stop();
    }
  });

  it('two replicas creating the same durable consumer at once both start', async () => {
    const nats = await startNats();
    const { logger } = captureLogger();
    const nc = await connectNats({
      url: nats.url,
      name: 'kittest',
      logger,
      credentialsFile: nats.credentialsFile('reporting'),
    });
    try {
      await ensureEventStream(nc);
      const options = { durable: 'kit-race', logger, handler: async () => {} };
      const [a, b] = await Promise.all([consumeEvents(nc, options), consumeEvents(nc, options)]);
      await Promise.all([a.stop(), b.stop()]);
      const error = await rejection(
        consumeEvents(nc, { ...options, filterSubject: 'keyward.evt.device.>' }),
      );
      expect(error.code).toBe('CONFLICT');
    } finally {
      await nc.close();
      await nats.stop();
    }
  });
});
