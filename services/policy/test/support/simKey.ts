import {
  createAuthenticator,
  createCtapHidEndpoint,
  type ProfileName,
} from '@keyward/authenticator-sim';
import type { PlanRequest } from '@keyward/contracts';
import { type CtapDevice, type DeviceReport, MemoryHidTransport, readDevice } from '@keyward/ctap';

export interface SimKey {
  serial: string;
  dev: CtapDevice;
  read(): Promise<DeviceReport>;
  /** What the gateway sends to keyward.policy.plan for this key, read from the key now. */
  /** The plan request minus `replyKey`, which asGateway adds. */
  planRequest(policyId: string): Promise<Omit<PlanRequest, 'replyKey'>>;
  close(): Promise<void>;
}

/** A simulator key of one profile behind the real CTAPHID path (in-memory transport). */
export async function simKey(profile: ProfileName, serial: string): Promise<SimKey> {
  const auth = createAuthenticator({ profile, serial });
  await auth.ready();
  const endpoint = createCtapHidEndpoint(auth);
  const dev = await MemoryHidTransport.open(
    { send: (r) => endpoint.send(r), onReport: (cb) => endpoint.onReport(cb) },
    { name: serial, callTimeoutMs: 20_000 },
  );
  const key: SimKey = {
    serial,
    dev,
    read: () => readDevice(dev),
    async planRequest(policyId) {
      const report = await readDevice(dev);
      return {
        policyId,
        serial: report.serial ?? serial,
        aaguid: report.aaguid,
        info: report.summary,
        adminPinState: report.adminPin ? (report.adminPin.set ? 'set' : 'not-set') : 'absent',
      };
    },
    async close() {
      await dev.close();
      endpoint.close();
    },
  };
  return key;
}
