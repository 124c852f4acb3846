/** PC/SC entry point: one context, readers with cards, and FIDO devices opened on them. */
import type { DeviceDescriptor } from '../device.ts';
import { PcscCtapDevice, type PcscDeviceOptions } from './pcscDevice.ts';
import {
  type PcscContextOptions,
  type PcscEvent,
  PcscLiteContext,
  type PcscReaderState,
} from './pcscLite.ts';

export class PcscTransport {
  readonly context: PcscLiteContext;

  private constructor(context: PcscLiteContext) {
    this.context = context;
  }

  /**
   * Starts a PC/SC context (reads PCSCLITE_CSOCK_NAME on first use in the process). Never
   * throws: without pcscd it emits `error` events and keeps trying.
   */
  static start(options: PcscContextOptions = {}): PcscTransport {
    return new PcscTransport(PcscLiteContext.start(options));
  }

  readers(): PcscReaderState[] {
    return this.context.readers();
  }

  /** Descriptors of the readers that hold a card right now (FIDO applet not yet checked). */
  cards(): DeviceDescriptor[] {
    return this.readers()
      .filter((r) => r.cardPresent)
      .map((r) => ({ id: `pcsc:${r.name}`, transport: 'pcsc', path: r.name }));
  }

  onEvent(cb: (event: PcscEvent) => void): () => void {
    return this.context.onEvent(cb);
  }

  /** Connects to the card in `reader` and selects the FIDO applet. */
  async open(reader: string, options: PcscDeviceOptions = {}): Promise<PcscCtapDevice> {
    return PcscCtapDevice.open(await this.context.connect(reader), options);
  }

  close(): void {
    this.context.close();
  }
}
