/**
 * The CTAP2 command layer with ONE choke point, `sendCbor`: it checks the request against the
 * key's maxMsgSize, turns a non-zero status byte into CtapError, and decodes the response
 * strictly (canonical CBOR, a map) — every decoding failure becomes a ProtocolError.
 */
import { type CborMap, decodeCtapMap, encodeCanonical } from '../cbor.ts';
import { Ctap2Cmd, CtapHidCapability, CtapHidCmd, CtapStatus } from '../constants.ts';
import type { CallOptions, CtapDevice } from '../device.ts';
import { CtapError, decoding, ProtocolError, UnsupportedError } from '../errors.ts';
import { type CtapInfo, parseInfo } from './info.ts';

export type SendOptions = CallOptions & {
  /** Name used in errors, e.g. "clientPin.getRetries" (default "ctap2 0x<cmd>"). */
  name?: string;
};

/** A device that can tell us its CTAPHID capabilities (HID transports). */
type WithCapabilities = { capabilities?: number };

export class Ctap2 {
  readonly device: CtapDevice;
  #info: CtapInfo;

  private constructor(device: CtapDevice, info: CtapInfo) {
    this.device = device;
    this.#info = info;
  }

  /** Reads getInfo and returns a client. Refuses U2F-only HID keys (no CBOR capability). */
  static async open(device: CtapDevice, options: CallOptions = {}): Promise<Ctap2> {
    const caps = (device as CtapDevice & WithCapabilities).capabilities;
    if (caps !== undefined && !(caps & CtapHidCapability.CBOR)) {
      throw new UnsupportedError('CTAP2 (the key only speaks U2F/CTAP1)');
    }
    const info = await readInfo(device, options, 1024);
    return new Ctap2(device, info);
  }

  get info(): CtapInfo {
    return this.#info;
  }

  /** Re-reads getInfo (after a configuration change) and returns it. */
  async refreshInfo(options: CallOptions = {}): Promise<CtapInfo> {
    this.#info = await readInfo(this.device, options, this.#info.maxMsgSize);
    return this.#info;
  }

  /** Sends `cmd ‖ CBOR(params)` and returns the decoded response map (empty when no body). */
  sendCbor(cmd: number, params?: CborMap, options: SendOptions = {}): Promise<CborMap> {
    return sendCbor(this.device, cmd, params, options, this.#info.maxMsgSize);
  }

  getInfo(options: CallOptions = {}): Promise<CtapInfo> {
    return this.refreshInfo(options);
  }

  /** authenticatorReset (§6.6): only within 10 s of power-up, and needs a touch. */
  async reset(options: CallOptions = {}): Promise<void> {
    await this.sendCbor(Ctap2Cmd.RESET, undefined, { ...options, name: 'reset' });
  }

  /** authenticatorSelection (§6.9): waits for a touch. CTAP 2.1 only. */
  async selection(options: CallOptions = {}): Promise<void> {
    if (!this.#info.versions.includes('FIDO_2_1')) {
      throw new UnsupportedError('authenticatorSelection (a CTAP 2.1 command)');
    }
    await this.sendCbor(Ctap2Cmd.SELECTION, undefined, { ...options, name: 'selection' });
  }
}

async function readInfo(device: CtapDevice, options: CallOptions, maxMsgSize: number) {
  const map = await sendCbor(
    device,
    Ctap2Cmd.GET_INFO,
    undefined,
    { ...options, name: 'getInfo' },
    maxMsgSize,
  );
  return decoding('getInfo', () => parseInfo(map));
}

/** The choke point (see the file comment). Exported for the vendor profiles. */
export async function sendCbor(
  device: CtapDevice,
  cmd: number,
  params: CborMap | undefined,
  options: SendOptions,
  maxMsgSize: number,
): Promise<CborMap> {
  const { name = `ctap2 0x${cmd.toString(16)}`, ...callOptions } = options;
  const body = params ? encodeCanonical(params) : new Uint8Array(0);
  const request = new Uint8Array(1 + body.length);
  request[0] = cmd;
  request.set(body, 1);
  if (request.length > maxMsgSize) {
    throw new CtapError(CtapStatus.CTAP2_ERR_REQUEST_TOO_LARGE, { command: name });
  }
  const response = await device.call(CtapHidCmd.CBOR, request, callOptions);
  const status = response[0];
  if (status === undefined) throw new ProtocolError(`${name}.status`, 'response was empty');
  if (status !== CtapStatus.CTAP2_OK) throw new CtapError(status, { command: name });
  if (response.length === 1) return new Map();
  return decoding(`${name}.response`, () => decodeCtapMap(response.subarray(1)));
}
