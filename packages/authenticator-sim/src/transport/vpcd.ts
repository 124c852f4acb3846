/**
 * Plugs the authenticator into a running pcscd as a card in the vsmartcard "Virtual PCD" reader
 * (vsmartcard virtualsmartcard/doc/api.txt). The card is a TCP client of vpcd; every message
 * either way is a 2-byte big-endian length and a payload. One-byte messages from vpcd are
 * control codes (00 power off, 01 power on, 02 reset, 04 get ATR); longer ones are C-APDUs,
 * answered with the R-APDU. Power on and reset are a power cycle of the key.
 */
import { connect, type Socket } from 'node:net';
import { type Clock, createSystemClock } from '../authenticator/clock.ts';
import type { VirtualAuthenticator } from '../authenticator/virtualAuthenticator.ts';
import { createFidoApplet } from './fidoApplet.ts';

/** T=1 ATR without historical bytes, as PC/SC contactless readers report NFC cards. */
export const VPCD_ATR = Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01);
export const VPCD_DEFAULT_PORT = 35963;

const VpcdControl = { POWER_OFF: 0x00, POWER_ON: 0x01, RESET: 0x02, GET_ATR: 0x04 } as const;

export type AttachToVpcdOptions = {
  /** vpcd host (default 127.0.0.1: vpcd listens on all interfaces, stay on loopback). */
  host?: string;
  /** vpcd port (default 35963 = slot 0 of /etc/reader.conf.d/vpcd). */
  port?: number;
  /** Insert right away (default true). */
  inserted?: boolean;
  /** Time source for NFCCTAP_GETRESPONSE polling. */
  clock?: Clock;
  /** Told about connection problems (default: ignored; the bridge retries while inserted). */
  onError?: (error: Error) => void;
  /** Delay before reconnecting after vpcd closed or refused the connection (default 200 ms). */
  retryMs?: number;
};

export interface VpcdCard {
  /** Connects to vpcd (= the card enters the reader). Resolves once connected (or removed). */
  insert(): Promise<void>;
  /** Closes the connection (= the card leaves the reader). */
  remove(): Promise<void>;
  /** Removes the card for good. */
  close(): Promise<void>;
  readonly inserted: boolean;
}

export function attachToVpcd(
  authenticator: VirtualAuthenticator,
  options: AttachToVpcdOptions = {},
): VpcdCard {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? VPCD_DEFAULT_PORT;
  const retryMs = options.retryMs ?? 200;
  const clock = options.clock ?? createSystemClock();
  const applet = createFidoApplet(authenticator, { clock });
  let socket: Socket | undefined;
  let wanted = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let waiters: (() => void)[] = [];

  const send = (s: Socket, payload: Uint8Array) => {
    const frame = Buffer.alloc(2 + payload.length);
    frame.writeUInt16BE(payload.length, 0);
    frame.set(payload, 2);
    s.write(frame);
  };

  async function onMessage(s: Socket, msg: Uint8Array): Promise<void> {
    if (msg.length === 1) {
      switch (msg[0]) {
        case VpcdControl.POWER_OFF:
          applet.reset();
          return;
        case VpcdControl.POWER_ON:
        case VpcdControl.RESET:
          applet.reset();
          authenticator.powerCycle();
          return;
        case VpcdControl.GET_ATR:
          send(s, VPCD_ATR);
          return;
        default:
          return;
      }
    }
    send(s, await applet.process(msg));
  }

  function open(): void {
    {
      const s = connect({ host, port });
      socket = s;
      let buffer = Buffer.alloc(0);
      // vpcd is strictly request/response; messages are handled one after the other.
      let chain: Promise<void> = Promise.resolve();
      s.setNoDelay(true);
      s.on('connect', () => {
        const ready = waiters;
        waiters = [];
        for (const w of ready) w();
      });
      s.on('data', (chunk) => {
        buffer = Buffer.concat([buffer, chunk]);
        while (buffer.length >= 2) {
          const len = buffer.readUInt16BE(0);
          if (buffer.length < 2 + len) break;
          const msg = new Uint8Array(buffer.subarray(2, 2 + len));
          buffer = buffer.subarray(2 + len);
          chain = chain.then(() => onMessage(s, msg)).catch(() => undefined);
        }
      });
      s.on('error', (e) => options.onError?.(e));
      s.on('close', () => {
        if (socket === s) socket = undefined;
        applet.reset();
        if (wanted && !closed) {
          retry = setTimeout(() => {
            if (wanted && !closed && !socket) open();
          }, retryMs);
          retry.unref();
        }
      });
    }
  }

  const card: VpcdCard = {
    insert() {
      if (closed) return Promise.reject(new Error('vpcd card is closed'));
      wanted = true;
      if (socket && !socket.connecting) return Promise.resolve();
      const ready = new Promise<void>((resolve) => waiters.push(resolve));
      if (!socket) open();
      return ready;
    },
    async remove() {
      wanted = false;
      if (retry) clearTimeout(retry);
      const pendingInserts = waiters;
      waiters = [];
      for (const w of pendingInserts) w();
      const s = socket;
      socket = undefined;
      applet.reset();
      if (s && !s.destroyed) {
        await new Promise<void>((resolve) => {
          s.once('close', () => resolve());
          s.destroy();
        });
      }
    },
    async close() {
      await card.remove();
      closed = true;
    },
    get inserted() {
      return wanted && socket !== undefined;
    },
  };
  if (options.inserted ?? true) void card.insert();
  return card;
}
