import { createCredentials } from '@keyward/bus-identity';
import {
  createBusContext,
  createLogger,
  registerBusContext,
  rosterBeside,
} from '@keyward/service-kit';
import { startNats } from '@keyward/test-harness';
import { connect } from '@nats-io/transport-node';
import { expect, it } from 'vitest';
import { gatewayConfigSchema } from '../src/config.ts';
import { startGateway } from '../src/startGateway.ts';

it('refuses to start under a bus identity made for another gateway id, naming both', async () => {
  const nats = await startNats({ jetstream: false });
  const nc = await connect(nats.connectOptions('operator'));
  try {
    const file = nats.credentialsFile('operator');
    const foreign = createCredentials({
      name: 'gateway-ws-09',
      role: 'device-gateway',
      gatewayId: 'ws-09',
    });
    registerBusContext(nc, createBusContext(foreign, rosterBeside(file)));
    const config = gatewayConfigSchema.parse({
      NATS_CREDENTIALS: file,
      AUTH_ISSUER: 'http://127.0.0.1:9/',
      GATEWAY_ID: 'ws-01',
      KEYWARD_HID: 'false',
      KEYWARD_PCSC: 'false',
    });
    const logger = createLogger({ name: 'gw', level: 'silent' });
    await expect(startGateway({ config, nc, logger })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: 'GATEWAY_ID is "ws-01" but the bus identity "gateway-ws-09" is for gateway "ws-09"',
    });
  } finally {
    await nc.close();
    await nats.stop();
  }
});
