/**
 * The one interface every transport implements (CTAPHID over node-hid or in-memory, PC/SC).
 * The layers above only ever call `call(cmd, payload)`.
 */
export type TransportKind = 'usb' | 'nfc' | 'pcsc' | 'memory';

export type DeviceDescriptor = {
  /** Stable for as long as the device stays attached (DeviceWatcher uses it as the key). */
  readonly id: string;
  readonly transport: TransportKind;
  /** hidraw path, PC/SC reader name, or a memory endpoint name. */
  readonly path: string;
  readonly vendorId?: number;
  readonly productId?: number;
  readonly product?: string;
  /** Transport-level serial (USB iSerial or card UID hex), when the transport has one. */
  readonly serial?: string;
};

export type CallOptions = {
  /** Aborting sends CTAPHID_CANCEL (or stops NFC polling) and rejects with CancelledError. */
  signal?: AbortSignal;
  /** Called when the key reports progress: 1 PROCESSING, 2 UPNEEDED (waiting for a touch). */
  onKeepalive?: (status: number) => void;
  /** Deadline for the whole call; default per transport (CTAPHID 120 s, PC/SC 120 s). */
  timeoutMs?: number;
};

export interface CtapDevice {
  readonly descriptor: DeviceDescriptor;
  /**
   * One CTAP exchange: `cmd` is a CTAPHID command byte (CBOR 0x10, PING 0x01, vendor…); for
   * CBOR the payload is `CTAP2 command ‖ CBOR` and the answer `status ‖ CBOR`.
   * PC/SC devices accept CtapHidCmd.CBOR only.
   */
  call(cmd: number, payload: Uint8Array, options?: CallOptions): Promise<Uint8Array>;
  /** Blink or beep, where the transport can. */
  wink?(): Promise<void>;
  close(): Promise<void>;
}
