/**
 * CtapDevice over PC/SC: SELECT the FIDO applet once, then every call is one NFCCTAP_MSG
 * exchange (apdu.ts). Calls are queued; a removed card rejects the pending call with
 * DeviceGoneError (the PC/SC layer reports it) and every later one.
 */
import { hex } from '../byteReader.ts';
import { CtapHidCmd, Sw } from '../constants.ts';
import type { CallOptions, CtapDevice, DeviceDescriptor } from '../device.ts';
import { CancelledError, CtapTimeoutError, DeviceGoneError, UnsupportedError } from '../errors.ts';
import {
  getUidApdu,
  type NfcCtapMsgOptions,
  nfcCtapExchange,
  parseRapdu,
  selectFidoApdu,
  swToError,
  transmitWithGetResponse,
} from './apdu.ts';
import type { PcscCard } from './pcscLite.ts';

export type PcscDeviceOptions = NfcCtapMsgOptions & {
  /** Default deadline of a call (default 120000 ms). */
  callTimeoutMs?: number;
  /** After a deadline or abort, how long an unanswered transmit may still take (default 2000 ms). */
  cancelGraceMs?: number;
  pollIntervalMs?: number;
};

export class PcscCtapDevice implements CtapDevice {
  readonly descriptor: DeviceDescriptor;
  /** What SELECT answered: "U2F_V2" or "FIDO_2_0" (CTAP 2.1 §11.3.3). */
  readonly appletVersion: string;
  readonly #card: PcscCard;
  readonly #options: PcscDeviceOptions;
  #queue: Promise<unknown> = Promise.resolve();
  #gone: Error | undefined;

  private constructor(
    descriptor: DeviceDescriptor,
    card: PcscCard,
    applet: string,
    options: PcscDeviceOptions,
  ) {
    this.descriptor = descriptor;
    this.#card = card;
    this.appletVersion = applet;
    this.#options = options;
  }

  /** Selects the FIDO applet on a connected card; reads the card UID as transport serial. */
  static async open(card: PcscCard, options: PcscDeviceOptions = {}): Promise<PcscCtapDevice> {
    const selected = await transmitWithGetResponse((a) => card.transmit(a), selectFidoApdu());
    if (selected.sw !== Sw.SUCCESS) {
      await card.disconnect();
      throw swToError(selected.sw, 'SELECT FIDO applet');
    }
    const uid = await readUid(card);
    const descriptor: DeviceDescriptor = {
      id: `pcsc:${card.reader}`,
      transport: 'pcsc',
      path: card.reader,
      ...(uid ? { serial: uid } : {}),
    };
    return new PcscCtapDevice(descriptor, card, new TextDecoder().decode(selected.data), options);
  }

  call(cmd: number, payload: Uint8Array, options: CallOptions = {}): Promise<Uint8Array> {
    if (cmd !== CtapHidCmd.CBOR) {
      return Promise.reject(
        new UnsupportedError(`command 0x${cmd.toString(16)} over PC/SC (only CTAP2 CBOR)`),
      );
    }
    const run = () => this.#exchange(payload, options);
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #exchange(payload: Uint8Array, options: CallOptions): Promise<Uint8Array> {
    if (this.#gone) throw this.#gone;
    if (options.signal?.aborted) throw new CancelledError();
    const timeoutMs = options.timeoutMs ?? this.#options.callTimeoutMs ?? 120_000;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const signal = options.signal
      ? AbortSignal.any([options.signal, deadline.signal])
      : deadline.signal;
    try {
      const exchange = nfcCtapExchange((a) => this.#card.transmit(a), payload, {
        ...this.#options,
        signal,
        ...(options.onKeepalive ? { onKeepalive: options.onKeepalive } : {}),
      });
      return await Promise.race([exchange, this.#stuck(exchange, signal)]);
    } catch (error) {
      if (error instanceof DeviceGoneError) this.#gone = error;
      if (error instanceof CancelledError && deadline.signal.aborted && !options.signal?.aborted) {
        throw new CtapTimeoutError('NFCCTAP_MSG', timeoutMs);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Rejects when `signal` fired and the exchange still has not ended `graceMs` later: a transmit
   * the card never answers must not hang the caller. The card's state is then unknown, so the
   * device is marked gone (re-open it after the card is re-presented).
   */
  #stuck(exchange: Promise<Uint8Array>, signal: AbortSignal): Promise<never> {
    const graceMs = this.#options.cancelGraceMs ?? 2000;
    return new Promise((_, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        timer = setTimeout(() => {
          this.#gone = new DeviceGoneError('The card stopped answering; re-present it');
          reject(new CancelledError('The card did not answer; the request was abandoned'));
        }, graceMs);
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      void exchange
        .catch(() => undefined)
        .finally(() => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
        });
    });
  }

  async close(): Promise<void> {
    this.#gone ??= new DeviceGoneError('The PC/SC connection was closed');
    await this.#card.disconnect();
  }
}

/** Card UID via FF CA 00 00 00 (PC/SC part 3); undefined where the reader/card has none. */
async function readUid(card: PcscCard): Promise<string | undefined> {
  try {
    const { data, sw } = parseRapdu(await card.transmit(getUidApdu()));
    return sw === Sw.SUCCESS && data.length > 0 ? hex.encode(data).toUpperCase() : undefined;
  } catch (error) {
    if (error instanceof DeviceGoneError) throw error;
    return undefined;
  }
}
