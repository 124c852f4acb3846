/**
 * The FIDO applet of an NFC/contact security key (CTAP 2.1 §11.3): SELECT of the FIDO AID,
 * NFCCTAP_MSG with command chaining and extended length, response chaining with 61xx + GET
 * RESPONSE (CLA 00 or 80), and NFCCTAP_GETRESPONSE status updates (91 00 + status byte) while
 * the key waits for a touch. One APDU in, one R-APDU out; the vpcd bridge feeds it.
 */
import { createHash } from 'node:crypto';
import { bytesEqual, Iso7816, KeepaliveStatus, Sw } from '@keyward/ctap/internal';
import type { Clock } from '../authenticator/clock.ts';
import type { VirtualAuthenticator } from '../authenticator/virtualAuthenticator.ts';
import { type CommandApdu, parseCommandApdu, responseApdu } from './apdu.ts';

/** SELECT answer: "FIDO_2_0" (no CTAP1/U2F here), the value libfido2 accepts for CBOR-only. */
const SELECT_RESPONSE = new TextEncoder().encode('FIDO_2_0');
/** How long NFCCTAP_GETRESPONSE waits for the result before answering 91 00 again. */
const POLL_WAIT_MS = 100;
/** CTAP 2.2 NFCCTAP_GETRESPONSE P1 that cancels the running request (python-fido2 ≥ 2.1). */
const P1_CANCEL = 0x11;

export interface FidoApplet {
  /** One C-APDU → one R-APDU. Never rejects. */
  process(apdu: Uint8Array): Promise<Uint8Array>;
  /** Card reset / power off: deselect, drop chains and pending responses. */
  reset(): void;
}

type Pending = {
  result: Promise<Uint8Array>;
  done: Uint8Array | undefined;
  status: number;
  abort: AbortController;
  statusChanged: () => void;
};

export function createFidoApplet(
  authenticator: VirtualAuthenticator,
  options: { clock: Clock },
): FidoApplet {
  const { clock } = options;
  let selected = false;
  let chain: { header: number[]; data: Uint8Array[] } | undefined;
  let outgoing: Uint8Array | undefined;
  let pending: Pending | undefined;

  const sw = (code: number) => responseApdu(new Uint8Array(0), code);

  /** First chunk of a response; the rest waits for GET RESPONSE (61xx). */
  function chunked(data: Uint8Array, apdu: CommandApdu): Uint8Array {
    if (apdu.extended) return responseApdu(data, Sw.SUCCESS);
    const max = Math.min(apdu.le ?? 256, 256);
    if (data.length <= max) return responseApdu(data, Sw.SUCCESS);
    outgoing = data.subarray(max);
    return responseApdu(data.subarray(0, max), moreData(outgoing.length));
  }
  const moreData = (remaining: number) => Sw.MORE_DATA | Math.min(remaining, 0xff);

  function getResponse(apdu: CommandApdu): Uint8Array {
    if (!outgoing) return sw(Sw.CONDITIONS_NOT_SATISFIED);
    const n = Math.min(apdu.le ?? 256, outgoing.length);
    const part = outgoing.subarray(0, n);
    outgoing = outgoing.length > n ? outgoing.subarray(n) : undefined;
    return responseApdu(part, outgoing ? moreData(outgoing.length) : Sw.SUCCESS);
  }

  /** Waits for the result, or answers 91 00 ‖ status when the key waits for a touch. */
  async function awaitResult(p: Pending, apdu: CommandApdu, poll: boolean): Promise<Uint8Array> {
    const finished = () => p.done !== undefined;
    if (!finished()) {
      await new Promise<void>((resolve) => {
        const timer = poll ? clock.setTimeout(resolve, POLL_WAIT_MS) : undefined;
        p.statusChanged = () => {
          clock.clearTimeout(timer);
          resolve();
        };
        void p.result.then(() => {
          clock.clearTimeout(timer);
          resolve();
        });
      });
    }
    if (p.done) {
      pending = undefined;
      return chunked(p.done, apdu);
    }
    return responseApdu(Uint8Array.of(p.status), Sw.STATUS_UPDATE);
  }

  async function nfcctapMsg(apdu: CommandApdu, data: Uint8Array): Promise<Uint8Array> {
    if (pending) return sw(Sw.CONDITIONS_NOT_SATISFIED);
    const abort = new AbortController();
    const p: Pending = {
      result: Promise.resolve(new Uint8Array(0)),
      done: undefined,
      status: KeepaliveStatus.PROCESSING,
      abort,
      statusChanged: () => {},
    };
    p.result = authenticator
      .handleRequest(data, {
        signal: abort.signal,
        onKeepalive: (status) => {
          p.status = status;
          if (status === KeepaliveStatus.UPNEEDED) p.statusChanged();
        },
      })
      .then((r) => {
        p.done = r;
        return r;
      });
    pending = p;
    // Status updates only for clients that announced NFCCTAP_GETRESPONSE support (P1 bit 0x80).
    const polling = (apdu.p1 & Iso7816.P1_GETRESPONSE_SUPPORTED) !== 0;
    if (!polling) {
      const r = await p.result;
      pending = undefined;
      return chunked(r, apdu);
    }
    return awaitResult(p, apdu, false);
  }

  async function handle(apdu: CommandApdu): Promise<Uint8Array> {
    const cla = apdu.cla & ~Iso7816.CLA_CHAINING;
    const chained = (apdu.cla & Iso7816.CLA_CHAINING) !== 0;
    if (apdu.ins === Iso7816.INS_SELECT && cla === Iso7816.CLA_ISO) {
      chain = undefined;
      outgoing = undefined;
      if (apdu.p1 !== 0x04) return sw(Sw.INCORRECT_P1P2);
      selected = bytesEqual(apdu.data, Iso7816.FIDO_AID);
      return selected ? chunked(SELECT_RESPONSE, apdu) : sw(Sw.FILE_NOT_FOUND);
    }
    if (apdu.cla === Iso7816.CLA_PCSC_PSEUDO && apdu.ins === Iso7816.INS_GET_DATA) {
      // A stable 4-byte UID derived from the serial (what a contactless reader reports).
      const uid = createHash('sha256').update(authenticator.serial).digest().subarray(0, 4);
      return responseApdu(uid, Sw.SUCCESS);
    }
    if (!selected) return sw(Sw.CONDITIONS_NOT_SATISFIED);
    if (apdu.ins === Iso7816.INS_GET_RESPONSE && (cla === 0x00 || cla === 0x80)) {
      return getResponse(apdu);
    }
    if (cla !== Iso7816.CLA_PROPRIETARY) {
      return sw(apdu.ins === Iso7816.INS_NFCCTAP_MSG ? Sw.CLA_NOT_SUPPORTED : Sw.INS_NOT_SUPPORTED);
    }
    if (apdu.ins === Iso7816.INS_NFCCTAP_GETRESPONSE) {
      if (!pending) return sw(Sw.CONDITIONS_NOT_SATISFIED);
      if (apdu.p1 === P1_CANCEL) pending.abort.abort();
      return awaitResult(pending, apdu, true);
    }
    if (apdu.ins !== Iso7816.INS_NFCCTAP_MSG) return sw(Sw.INS_NOT_SUPPORTED);
    outgoing = undefined;
    const header = [cla, apdu.ins, apdu.p1, apdu.p2];
    // A chain continues only with the same header; anything else starts a new one (CanoKey).
    if (chain?.header.some((b, i) => b !== header[i])) chain = undefined;
    if (chained) {
      chain ??= { header, data: [] };
      chain.data.push(apdu.data);
      if (chain.data.reduce((n, d) => n + d.length, 0) > 65536) {
        chain = undefined;
        return sw(Sw.WRONG_LENGTH);
      }
      return sw(Sw.SUCCESS);
    }
    const parts = [...(chain?.data ?? []), apdu.data];
    chain = undefined;
    const data = new Uint8Array(parts.reduce((n, d) => n + d.length, 0));
    let at = 0;
    for (const d of parts) {
      data.set(d, at);
      at += d.length;
    }
    if (data.length === 0) return sw(Sw.WRONG_LENGTH);
    return nfcctapMsg(apdu, data);
  }

  return {
    async process(bytes) {
      const apdu = parseCommandApdu(bytes);
      if (!apdu) return sw(Sw.WRONG_LENGTH);
      try {
        return await handle(apdu);
      } catch {
        return sw(Sw.NO_PRECISE_DIAGNOSIS);
      }
    },
    reset() {
      selected = false;
      chain = undefined;
      outgoing = undefined;
      if (pending) pending.abort.abort();
      pending = undefined;
    },
  };
}
