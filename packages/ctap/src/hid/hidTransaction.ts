/**
 * One CTAPHID request/response on a channel (CTAP 2.1 §11.2.9): reassembles the answer,
 * surfaces KEEPALIVE status changes, turns CTAPHID_ERROR into a typed error, and on abort or
 * deadline asks the connection to send CANCEL. Settles exactly once.
 */
import { CtapHidCmd, CtapStatus } from '../constants.ts';
import { CancelledError, CtapTimeoutError, ProtocolError, toProtocolError } from '../errors.ts';
import { type HidMessage, HidReassembler, hidErrorToException } from './framing.ts';

export type HidTransactionSpec = {
  cid: number;
  cmd: number;
  timeoutMs: number;
  /** How long to wait for the key to confirm a CANCEL before giving up. */
  cancelGraceMs: number;
  signal?: AbortSignal | undefined;
  onKeepalive?: ((status: number) => void) | undefined;
  /** Ignore answers this rejects (INIT answers on the broadcast channel for other apps). */
  accept?: ((payload: Uint8Array) => boolean) | undefined;
  /** Sends CTAPHID_CANCEL on the channel. */
  sendCancel: () => void;
  /** The channel may hold a stale answer: re-INIT it before the next transaction. */
  markResync: () => void;
};

export class HidTransaction {
  readonly promise: Promise<Uint8Array>;
  readonly #spec: HidTransactionSpec;
  readonly #reassembler: HidReassembler;
  readonly #timer: NodeJS.Timeout;
  #resolve!: (value: Uint8Array) => void;
  #reject!: (error: unknown) => void;
  #settled = false;
  #lastKeepalive = -1;
  #cancelled: CancelledError | undefined;
  #graceTimer: NodeJS.Timeout | undefined;

  constructor(spec: HidTransactionSpec) {
    this.#spec = spec;
    this.#reassembler = new HidReassembler(spec.cid);
    this.promise = new Promise<Uint8Array>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.#timer = setTimeout(() => this.#onTimeout(), spec.timeoutMs);
    spec.signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** An input report from the device. */
  onReport(report: Uint8Array): void {
    if (this.#settled) return;
    let message: HidMessage | undefined;
    try {
      message = this.#reassembler.push(report);
    } catch (error) {
      this.#spec.markResync();
      this.fail(toProtocolError(error, 'ctaphid'));
      return;
    }
    if (message) this.#onMessage(message);
  }

  /** Ends the transaction with `error` (device gone, write failed). */
  fail(error: unknown): void {
    this.#settle(error);
  }

  #onMessage({ cmd, payload }: HidMessage): void {
    const spec = this.#spec;
    if (cmd === CtapHidCmd.KEEPALIVE) {
      const status = payload[0];
      if (status !== undefined && status !== this.#lastKeepalive) {
        this.#lastKeepalive = status;
        spec.onKeepalive?.(status);
      }
    } else if (cmd === CtapHidCmd.ERROR) {
      this.#settle(hidErrorToException(payload));
    } else if (cmd !== spec.cmd) {
      const expected = `0x${spec.cmd.toString(16)}`;
      this.#settle(
        new ProtocolError('ctaphid.cmd', `answer was 0x${cmd.toString(16)}, expected ${expected}`),
      );
    } else if (spec.accept && !spec.accept(payload)) {
      // Not ours (another application's INIT answer): keep waiting.
    } else if (this.#cancelled) {
      // The key confirmed the cancel (KEEPALIVE_CANCEL) or finished first: the caller asked to
      // stop either way. Any other answer means the channel state is not what we think.
      if (payload[0] !== CtapStatus.CTAP2_ERR_KEEPALIVE_CANCEL) spec.markResync();
      this.#settle(this.#cancelled);
    } else {
      this.#settle(undefined, payload);
    }
  }

  readonly #onAbort = () => {
    if (this.#settled || this.#cancelled) return;
    this.#cancelled = new CancelledError();
    this.#spec.sendCancel();
    this.#graceTimer = setTimeout(() => this.#settle(this.#cancelled), this.#spec.cancelGraceMs);
  };

  #onTimeout(): void {
    this.#spec.sendCancel();
    const what = `CTAPHID command 0x${this.#spec.cmd.toString(16)}`;
    this.#settle(new CtapTimeoutError(what, this.#spec.timeoutMs));
  }

  #settle(error: unknown, value?: Uint8Array): void {
    if (this.#settled) return;
    this.#settled = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#graceTimer);
    this.#spec.signal?.removeEventListener('abort', this.#onAbort);
    if (error) this.#reject(error);
    else this.#resolve(value ?? new Uint8Array(0));
  }
}
