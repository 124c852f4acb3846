/** CtapDevice over a CTAPHID channel (shared by node-hid and the in-memory transport). */
import { CtapHidCapability, CtapHidCmd } from '../constants.ts';
import type { CallOptions, CtapDevice, DeviceDescriptor } from '../device.ts';
import { UnsupportedError } from '../errors.ts';
import type { CtapHidConnection } from './hidConnection.ts';

export class HidCtapDevice implements CtapDevice {
  readonly descriptor: DeviceDescriptor;
  readonly connection: CtapHidConnection;

  constructor(descriptor: DeviceDescriptor, connection: CtapHidConnection) {
    this.descriptor = descriptor;
    this.connection = connection;
  }

  /** CTAPHID_INIT capability flags (WINK 0x01, CBOR 0x04, NMSG 0x08). */
  get capabilities(): number {
    return this.connection.info.capabilities;
  }

  call(cmd: number, payload: Uint8Array, options?: CallOptions): Promise<Uint8Array> {
    return this.connection.call(cmd, payload, options);
  }

  async wink(): Promise<void> {
    if (!(this.capabilities & CtapHidCapability.WINK)) {
      throw new UnsupportedError('CTAPHID_WINK (capability flag not set)');
    }
    await this.connection.call(CtapHidCmd.WINK, new Uint8Array(0));
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
