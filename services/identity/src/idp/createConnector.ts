import { KeywardError } from '@keyward/contracts';
import {
  type IdpSecrets,
  type IdpSettings,
  missingSecrets,
} from '../domain/connection/connectionConfig.ts';
import type { IdpConnector } from './connector.ts';
import { createEntraConnector } from './entra.ts';
import { createGenericConnector } from './generic.ts';
import { createOktaConnector } from './okta.ts';
import { createPingOneConnector } from './pingone.ts';
import { defaultProviderIo, type ProviderIo } from './providerHttp.ts';

export interface CreateConnectorOptions {
  settings: IdpSettings;
  /** Opened secrets; live only for the connector's lifetime, never logged. */
  secrets: IdpSecrets;
  io?: Partial<ProviderIo>;
  allowInsecureLoopback?: boolean;
}

/** Picks the connector module for the connection's type. */
export function createConnector({
  settings,
  secrets,
  io,
  allowInsecureLoopback = false,
}: CreateConnectorOptions): IdpConnector {
  const missing = missingSecrets(settings.type, secrets);
  if (missing.length) {
    throw new KeywardError(
      'CONFIG_INVALID',
      `IdP connection of type ${settings.type} lacks secret(s): ${missing.join(', ')}`,
      { details: { missing } },
    );
  }
  const fullIo = { ...defaultProviderIo(), ...io };
  switch (settings.type) {
    case 'entra':
      return createEntraConnector({
        settings,
        secrets: { clientSecret: secrets.clientSecret! },
        io: fullIo,
        allowInsecureLoopback,
      });
    case 'okta':
      return createOktaConnector({
        settings,
        secrets: { privateKeyPem: secrets.privateKeyPem! },
        io: fullIo,
        allowInsecureLoopback,
      });
    case 'pingone':
      return createPingOneConnector({
        settings,
        secrets: { clientSecret: secrets.clientSecret! },
        io: fullIo,
        allowInsecureLoopback,
      });
    case 'generic':
      return createGenericConnector({
        settings,
        secrets: { clientSecret: secrets.clientSecret!, webhookSecret: secrets.webhookSecret! },
        io: fullIo,
        allowInsecureLoopback,
      });
  }
}
