import { createAuthenticator, createCtapHidEndpoint } from '@keyward/authenticator-sim';
import type { CreationOptions } from '@keyward/contracts';
import {
  type CreationOptionsJSON,
  MemoryHidTransport,
  makeCredential,
  setPin,
} from '@keyward/ctap';

/**
 * A simulated security key with a PIN, reached over the real CTAPHID path (@keyward/ctap's
 * MemoryHidTransport into @keyward/authenticator-sim), attesting with "packed".
 */
export async function newSimKey(serial: string, pin = '482913') {
  const key = createAuthenticator({ profile: 'generic', serial });
  await key.ready();
  const endpoint = createCtapHidEndpoint(key);
  const dev = await MemoryHidTransport.open(endpoint);
  await setPin(dev, { pin });
  return {
    serial,
    aaguid: key.aaguid,
    /** Runs makeCredential for the IdP's creation options, as the gateway does at enrollment. */
    async enroll(publicKey: CreationOptions, origin: string) {
      const r = await makeCredential(dev, {
        publicKey: publicKey as CreationOptionsJSON,
        origin,
        pin,
      });
      return {
        credentialId: r.credentialId,
        attestationObject: r.attestationObject,
        clientDataJSON: r.clientDataJSON,
        transports: r.transports,
      };
    },
    close: async () => {
      await dev.close();
      endpoint.close();
    },
  };
}

export type SimKey = Awaited<ReturnType<typeof newSimKey>>;
