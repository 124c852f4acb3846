/**
 * A CTAPHID channel over any 64-byte report pipe (node-hid, or the simulator in memory):
 * INIT with nonce check, one transaction at a time, KEEPALIVE surfaced, CANCEL on abort,
 * timeouts, and DeviceGoneError when the pipe closes under a pending request.
 */
import { randomBytes } from 'node:crypto';
import { bytesEqual } from '../byteReader.ts';
import { CtapHidCmd, CtapHidFrame } from '../constants.ts';
import type { CallOptions } from '../device.ts';
import { CancelledError, DeviceGoneError } from '../errors.ts';
import { cancelReport, encodeMessage, type InitResponse, parseInitResponse } from './framing.ts';
import { HidTransaction } from './hidTransaction.ts';

/** The minimal report pipe: what node-hid and the simulator's endpoint both can offer. */
export interface ReportPipe {
  write(report: Uint8Array): void | Promise<void>;
  /** Subscribe to input reports; returns an unsubscribe function. */
  onReport(cb: (report: Uint8Array) => void): () => void;
  /** Subscribe to the pipe closing (device unplugged); returns an unsubscribe function. */
  onClose?(cb: (cause?: Error) => void): () => void;
  close?(): void | Promise<void>;
}

export type HidConnectionOptions = {
  /** Deadline of the INIT exchange (default 5000 ms). */
  initTimeoutMs?: number;
  /** Default deadline of a call (default 120000 ms; a user-presence wait is up to 30 s). */
  callTimeoutMs?: number;
  /** How long to wait for the key's answer to CANCEL before giving up (default 1000 ms). */
  cancelGraceMs?: number;
};

export class CtapHidConnection {
  readonly #pipe: ReportPipe;
  readonly #options: Required<HidConnectionOptions>;
  readonly #unsubscribe: (() => void)[] = [];
  #pending: HidTransaction | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #closed: Error | undefined;
  #needsResync = false;
  #init: InitResponse | undefined;

  private constructor(pipe: ReportPipe, options: HidConnectionOptions) {
    this.#pipe = pipe;
    this.#options = {
      initTimeoutMs: options.initTimeoutMs ?? 5000,
      callTimeoutMs: options.callTimeoutMs ?? 120_000,
      cancelGraceMs: options.cancelGraceMs ?? 1000,
    };
    this.#unsubscribe.push(pipe.onReport((report) => this.#pending?.onReport(report)));
    if (pipe.onClose) {
      this.#unsubscribe.push(pipe.onClose((cause) => this.#gone(cause)));
    }
  }

  /** Opens a channel: CTAPHID_INIT on the broadcast CID, then the allocated CID is used. */
  static async open(
    pipe: ReportPipe,
    options: HidConnectionOptions = {},
  ): Promise<CtapHidConnection> {
    const connection = new CtapHidConnection(pipe, options);
    try {
      await connection.#allocate(CtapHidFrame.BROADCAST_CID);
    } catch (error) {
      await connection.close();
      throw error;
    }
    return connection;
  }

  get info(): InitResponse {
    if (!this.#init) throw new TypeError('CTAPHID channel is not initialised');
    return this.#init;
  }

  /** One exchange on the channel; calls are queued, never interleaved. */
  call(cmd: number, payload: Uint8Array, options: CallOptions = {}): Promise<Uint8Array> {
    const run = async () => {
      if (this.#needsResync) await this.#allocate(this.info.cid);
      return this.#transact(this.info.cid, cmd, payload, options);
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Marks the channel gone: the pending call and every later call fail with DeviceGoneError. */
  #gone(cause?: Error): void {
    if (this.#closed) return;
    this.#closed = new DeviceGoneError(undefined, cause ? { cause } : undefined);
    this.#pending?.fail(this.#closed);
  }

  async close(): Promise<void> {
    this.#gone();
    for (const off of this.#unsubscribe.splice(0)) off();
    await this.#pipe.close?.();
  }

  async #allocate(cid: number): Promise<void> {
    const nonce = new Uint8Array(randomBytes(8));
    const payload = await this.#transact(cid, CtapHidCmd.INIT, nonce, {
      timeoutMs: this.#options.initTimeoutMs,
      // INIT answers on the broadcast channel may belong to other applications: match the nonce.
      accept: (p) => p.length >= 8 && bytesEqual(p.subarray(0, 8), nonce),
    });
    this.#init = parseInitResponse(nonce, payload);
    this.#needsResync = false;
  }

  #transact(
    cid: number,
    cmd: number,
    payload: Uint8Array,
    options: CallOptions & { accept?: (payload: Uint8Array) => boolean },
  ): Promise<Uint8Array> {
    if (this.#closed) return Promise.reject(this.#closed);
    if (options.signal?.aborted) return Promise.reject(new CancelledError());
    const tx = new HidTransaction({
      cid,
      cmd,
      timeoutMs: options.timeoutMs ?? this.#options.callTimeoutMs,
      cancelGraceMs: this.#options.cancelGraceMs,
      signal: options.signal,
      onKeepalive: options.onKeepalive,
      accept: options.accept,
      sendCancel: () => {
        this.#needsResync = true;
        Promise.resolve(this.#pipe.write(cancelReport(cid))).catch(() => undefined);
      },
      markResync: () => {
        this.#needsResync = true;
      },
    });
    this.#pending = tx;
    void this.#writeAll(encodeMessage(cid, cmd, payload)).catch((cause: unknown) => {
      tx.fail(new DeviceGoneError('Writing to the key failed; it was probably removed', { cause }));
    });
    return tx.promise.finally(() => {
      if (this.#pending === tx) this.#pending = undefined;
    });
  }

  async #writeAll(reports: Uint8Array[]): Promise<void> {
    for (const report of reports) {
      if (this.#closed) throw this.#closed;
      await this.#pipe.write(report);
    }
  }
}
