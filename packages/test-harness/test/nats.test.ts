import { existsSync } from 'node:fs';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { startNats } from '../src/index.ts';
import { isPortOpen } from './support.ts';

describe('startNats', () => {
  it('starts a JetStream nats-server that accepts connections, and stop() removes it', async () => {
    const nats = await startNats();
    const nc = await connect(nats.connectOptions('operator'));
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'HARNESS', subjects: ['harness.>'] });
    await jsm.jetstream().publish('harness.hello', 'hi');
    expect((await jsm.streams.info('HARNESS')).state.messages).toBe(1);
    await nc.close();

    await nats.stop();
    expect(await isPortOpen(nats.port)).toBe(false);
    expect(existsSync(nats.storeDir!)).toBe(false);
  });

  it('gives two callers independent servers', async () => {
    const [a, b] = await Promise.all([startNats(), startNats()]);
    try {
      expect(a.port).not.toBe(b.port);
      const nca = await connect(a.connectOptions('operator'));
      await (await jetstreamManager(nca)).streams.add({ name: 'ONLY_A', subjects: ['a.>'] });
      await nca.close();

      await a.stop();
      const ncb = await connect(b.connectOptions('operator'));
      const names = await (await jetstreamManager(ncb)).streams.names().next();
      expect(names).not.toContain('ONLY_A');
      await ncb.close();
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('runs without JetStream when asked', async () => {
    const nats = await startNats({ jetstream: false });
    try {
      expect(nats.storeDir).toBeUndefined();
      const nc = await connect(nats.connectOptions('operator'));
      expect(nc.info?.jetstream ?? false).toBe(false);
      await nc.close();
    } finally {
      await nats.stop();
    }
  });
});
