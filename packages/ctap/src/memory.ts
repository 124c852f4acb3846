/**
 * The in-memory transport: the real CTAPHID framing path, over the simulator's in-process
 * endpoint (@keyward/authenticator-sim `createCtapHidEndpoint`) instead of node-hid.
 */
import type { DeviceDescriptor } from './device.ts';
import { CtapHidConnection, type HidConnectionOptions } from './hid/hidConnection.ts';
import { HidCtapDevice } from './hid/hidDevice.ts';

/** What the simulator's CTAPHID endpoint offers: 64-byte reports both ways. */
export interface MemoryHidEndpoint {
  send(report: Uint8Array): void;
  onReport(cb: (report: Uint8Array) => void): () => void;
  /** Optional: called when the simulated key is unplugged. */
  onClose?(cb: (cause?: Error) => void): () => void;
  close?(): void;
}

export type MemoryHidOptions = HidConnectionOptions & {
  /** Used as the descriptor's path and id ("memory:<name>"); default "sim". */
  name?: string;
  serial?: string;
};

export const MemoryHidTransport = {
  /** Opens a CTAPHID channel to the endpoint. */
  async open(endpoint: MemoryHidEndpoint, options: MemoryHidOptions = {}): Promise<HidCtapDevice> {
    const { name = 'sim', serial, ...connectionOptions } = options;
    const connection = await CtapHidConnection.open(
      {
        write: (report) => endpoint.send(report),
        onReport: (cb) => endpoint.onReport(cb),
        ...(endpoint.onClose ? { onClose: (cb) => endpoint.onClose!(cb) } : {}),
      },
      connectionOptions,
    );
    const descriptor: DeviceDescriptor = {
      id: `memory:${name}`,
      transport: 'memory',
      path: name,
      ...(serial ? { serial } : {}),
    };
    return new HidCtapDevice(descriptor, connection);
  },
} as const;
