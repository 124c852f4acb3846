/**
 * PC/SC through the `pcsclite` package: the only file that imports it, and the one catch point
 * that turns its errors into typed ones. libpcsclite finds pcscd through the environment
 * variable PCSCLITE_CSOCK_NAME, read once per process before the first PC/SC call, so set it
 * before the first `PcscLiteContext.start()` (the test harness's `startPcsc().env`).
 */
import { createRequire } from 'node:module';
import type pcscFactory from 'pcsclite';
import { CtapTimeoutError, DeviceBusyError, DeviceGoneError, ProtocolError } from '../errors.ts';

type PCSCLite = ReturnType<typeof pcscFactory>;
type CardReader = Parameters<Parameters<PCSCLite['on']>[1]>[0] & { name: string };

// pcsclite is CommonJS with `export =`; createRequire keeps this module ESM without interop flags.
const pcsc = createRequire(import.meta.url)('pcsclite') as typeof pcscFactory;

/** SCARD_STATE_* bits (pcsclite.h). */
const STATE_PRESENT = 0x20;
const PROTOCOL_T1 = 0x02;
const RESPONSE_MAX = 65538;

/** PC/SC error codes that mean "the card or reader is gone" (pcsclite.h / winscard). */
const GONE_CODES = new Set([
  0x80100069, // SCARD_W_REMOVED_CARD
  0x80100068, // SCARD_W_RESET_CARD
  0x80100067, // SCARD_W_UNPOWERED_CARD
  0x80100066, // SCARD_W_UNRESPONSIVE_CARD
  0x8010000c, // SCARD_E_NO_SMARTCARD
  0x80100017, // SCARD_E_READER_UNAVAILABLE
  0x80100009, // SCARD_E_UNKNOWN_READER
  0x8010001d, // SCARD_E_NO_SERVICE
  0x80100003, // SCARD_E_INVALID_HANDLE
  // A contactless card (and vpcd's virtual one) leaving mid-APDU fails the transaction; its
  // session is lost with its power, so this is "gone" too.
  0x80100016, // SCARD_E_NOT_TRANSACTED
]);
const SHARING_VIOLATION = 0x8010000b;
const SCARD_E_NO_SERVICE = 0x8010001d;
const SCARD_E_TIMEOUT = 0x8010000a;

/** The catch point: a pcsclite error → DeviceGone / DeviceBusy / timeout / ProtocolError. */
function translate(error: unknown, what: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const match = /\(0x([0-9a-f]{8})\)/i.exec(message);
  const code = match ? Number.parseInt(match[1]!, 16) : undefined;
  if (code === SCARD_E_NO_SERVICE) {
    return new DeviceGoneError(`The PC/SC service (pcscd) is not available (${message})`, {
      cause: error,
    });
  }
  if (code !== undefined && GONE_CODES.has(code)) {
    return new DeviceGoneError(`The card was removed (${what}: ${message})`, { cause: error });
  }
  if (code === SHARING_VIOLATION) {
    return new DeviceBusyError(`Another application holds the card (${what})`, { cause: error });
  }
  if (code === SCARD_E_TIMEOUT) return new CtapTimeoutError(what, 0, { cause: error });
  if (/not connected/i.test(message))
    return new DeviceGoneError(`The card connection closed (${what})`, { cause: error });
  return new ProtocolError(`pcsc.${what}`, message, { cause: error });
}

/** A connected card (T=1): raw APDU exchange. */
export interface PcscCard {
  readonly reader: string;
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  disconnect(): Promise<void>;
}

export type PcscEvent =
  | { type: 'reader-added' | 'reader-removed' | 'card-removed'; reader: string }
  | { type: 'card-inserted'; reader: string; atr: Uint8Array }
  /** The PC/SC service failed (e.g. pcscd not running or gone). */
  | { type: 'error'; error: Error };

export type PcscReaderState = { name: string; cardPresent: boolean; atr?: Uint8Array };

export type PcscContextOptions = {
  /** Delay between attempts to reach pcscd while it is unavailable (default 2000 ms). */
  retryMs?: number;
};

/**
 * A PC/SC context: readers, card presence events, connections. Never throws when pcscd is
 * unavailable (pcsclite's constructor would): it reports an `error` event and tries again
 * every `retryMs`, so a gateway started before pcscd picks the readers up later.
 */
export class PcscLiteContext {
  #pcsc: PCSCLite | undefined;
  readonly #readers = new Map<string, { reader: CardReader; state: PcscReaderState }>();
  readonly #listeners = new Set<(event: PcscEvent) => void>();
  readonly #retryMs: number;
  #retry: NodeJS.Timeout | undefined;
  #closed = false;
  #error: Error | undefined;

  private constructor(options: PcscContextOptions) {
    this.#retryMs = options.retryMs ?? 2000;
    this.#establish();
  }

  /** Starts watching readers. Set PCSCLITE_CSOCK_NAME first when using a private pcscd. */
  static start(options: PcscContextOptions = {}): PcscLiteContext {
    return new PcscLiteContext(options);
  }

  #establish(): void {
    if (this.#closed) return;
    try {
      const context = pcsc();
      context.on('error', (error: unknown) => this.#fail(error));
      context.on('reader', (reader: CardReader) => this.#track(reader));
      this.#pcsc = context;
      this.#error = undefined;
    } catch (error) {
      this.#fail(error);
    }
  }

  /** The service failed: report it (after listeners could subscribe) and try again later. */
  #fail(error: unknown): void {
    this.#error = translate(error, 'SCardEstablishContext');
    const reported = this.#error;
    setImmediate(() => this.#emit({ type: 'error', error: reported }));
    try {
      this.#pcsc?.close();
    } catch {
      // Closing a context whose service is gone may fail too; it is dropped either way.
    }
    this.#pcsc = undefined;
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => this.#establish(), this.#retryMs);
    this.#retry.unref();
  }

  /** The last context-level error (e.g. pcscd not running), if any. */
  get error(): Error | undefined {
    return this.#error;
  }

  readers(): PcscReaderState[] {
    return [...this.#readers.values()].map((r) => ({ ...r.state }));
  }

  onEvent(cb: (event: PcscEvent) => void): () => void {
    this.#listeners.add(cb);
    return () => this.#listeners.delete(cb);
  }

  #emit(event: PcscEvent): void {
    for (const cb of this.#listeners) cb(event);
  }

  #track(reader: CardReader): void {
    const state: PcscReaderState = { name: reader.name, cardPresent: false };
    this.#readers.set(reader.name, { reader, state });
    this.#emit({ type: 'reader-added', reader: reader.name });
    reader.on('error', () => undefined);
    reader.on('status', (status: { state: number; atr?: Buffer }) => {
      const present = (status.state & STATE_PRESENT) !== 0;
      if (present === state.cardPresent) return;
      state.cardPresent = present;
      if (present) {
        state.atr = new Uint8Array(status.atr ?? []);
        this.#emit({ type: 'card-inserted', reader: reader.name, atr: state.atr });
      } else {
        delete state.atr;
        this.#emit({ type: 'card-removed', reader: reader.name });
      }
    });
    reader.on('end', () => {
      this.#readers.delete(reader.name);
      if (state.cardPresent) this.#emit({ type: 'card-removed', reader: reader.name });
      this.#emit({ type: 'reader-removed', reader: reader.name });
    });
  }

  /** Connects exclusively to the card in `readerName` with T=1. */
  connect(readerName: string): Promise<PcscCard> {
    const entry = this.#readers.get(readerName);
    if (!entry) return Promise.reject(new DeviceGoneError(`No PC/SC reader named "${readerName}"`));
    const { reader } = entry;
    return new Promise((resolve, reject) => {
      reader.connect(
        { share_mode: reader.SCARD_SHARE_EXCLUSIVE, protocol: PROTOCOL_T1 },
        (err, protocol) => {
          if (err) return reject(translate(err, 'SCardConnect'));
          resolve(cardOf(reader, protocol));
        },
      );
    });
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#retry);
    for (const { reader } of this.#readers.values()) reader.close();
    this.#readers.clear();
    this.#listeners.clear();
    this.#pcsc?.close();
    this.#pcsc = undefined;
  }
}

function cardOf(reader: CardReader, protocol: number): PcscCard {
  return {
    reader: reader.name,
    transmit: (apdu) =>
      new Promise((resolve, reject) => {
        reader.transmit(Buffer.from(apdu), RESPONSE_MAX, protocol, (err, response) => {
          if (err) return reject(translate(err, 'SCardTransmit'));
          resolve(new Uint8Array(response));
        });
      }),
    disconnect: () =>
      new Promise((resolve) => {
        reader.disconnect(reader.SCARD_LEAVE_CARD, () => resolve());
      }),
  };
}
