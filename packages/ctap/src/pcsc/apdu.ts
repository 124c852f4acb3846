/**
 * ISO 7816-4 APDUs for the FIDO applet, pure (CTAP 2.1 §11.3): SELECT, NFCCTAP_MSG with command
 * chaining or one extended-length APDU, GET RESPONSE after 61xx, NFCCTAP_GETRESPONSE polling
 * after a 9100 status update, and status words → typed errors. The driving loop is
 * `nfcCtapExchange`, which takes the transmit function, so it runs without PC/SC.
 */
import { concatBytes } from '../byteReader.ts';
import { Iso7816, Sw } from '../constants.ts';
import { CancelledError, ProtocolError, UnsupportedError } from '../errors.ts';

/** Chunk size for command chaining (python-fido2 250; libfido2 240). */
export const CHAIN_CHUNK = 250;

export type Rapdu = { data: Uint8Array; sw: number };

export function parseRapdu(bytes: Uint8Array): Rapdu {
  if (bytes.length < 2) {
    throw new ProtocolError(
      'apdu.response',
      `was ${bytes.length} bytes, expected at least 2 (SW1 SW2)`,
    );
  }
  const n = bytes.length;
  return { data: bytes.subarray(0, n - 2), sw: (bytes[n - 2]! << 8) | bytes[n - 1]! };
}

/** A short APDU; `le` undefined = no Le field, 0..256 otherwise (256 encoded as 00). */
export function shortApdu(
  cla: number,
  ins: number,
  p1: number,
  p2: number,
  data: Uint8Array,
  le?: number,
): Uint8Array {
  if (data.length > 255)
    throw new TypeError(`short APDU data is ${data.length} bytes, at most 255`);
  const head = [cla, ins, p1, p2];
  const lc = data.length > 0 ? [data.length] : [];
  const tail = le === undefined ? [] : [le & 0xff];
  return concatBytes(Uint8Array.from([...head, ...lc]), data, Uint8Array.from(tail));
}

/** An extended-length APDU: 00 Lc_hi Lc_lo data Le_hi Le_lo (Le 0000 = 65536). */
export function extendedApdu(
  cla: number,
  ins: number,
  p1: number,
  p2: number,
  data: Uint8Array,
): Uint8Array {
  if (data.length > 0xffff)
    throw new TypeError(`extended APDU data is ${data.length} bytes, at most 65535`);
  const header = Uint8Array.of(
    cla,
    ins,
    p1,
    p2,
    0x00,
    (data.length >> 8) & 0xff,
    data.length & 0xff,
  );
  return concatBytes(header, data, Uint8Array.of(0x00, 0x00));
}

/** SELECT the FIDO AID A0000006472F0001 (CTAP 2.1 §11.3.3), with Le 00. */
export function selectFidoApdu(): Uint8Array {
  return shortApdu(Iso7816.CLA_ISO, Iso7816.INS_SELECT, 0x04, 0x00, Iso7816.FIDO_AID, 0);
}

/** The PC/SC part 3 pseudo-APDU GET DATA (UID): FF CA 00 00 00. */
export function getUidApdu(): Uint8Array {
  return shortApdu(Iso7816.CLA_PCSC_PSEUDO, Iso7816.INS_GET_DATA, 0x00, 0x00, new Uint8Array(0), 0);
}

export type NfcCtapMsgOptions = {
  /** One extended-length APDU instead of chained short APDUs (default false). */
  extended?: boolean;
  chunkSize?: number;
};

/**
 * NFCCTAP_MSG (80 10 80 00, P1 0x80 = we poll with NFCCTAP_GETRESPONSE) for one CTAP request:
 * chained short APDUs, CLA 0x90 on all but the last, or one extended APDU.
 */
export function nfcCtapMsgApdus(
  payload: Uint8Array,
  options: NfcCtapMsgOptions = {},
): Uint8Array[] {
  const { extended = false, chunkSize = CHAIN_CHUNK } = options;
  const { CLA_PROPRIETARY: cla, INS_NFCCTAP_MSG: ins, P1_GETRESPONSE_SUPPORTED: p1 } = Iso7816;
  if (extended && payload.length > 255) return [extendedApdu(cla, ins, p1, 0x00, payload)];
  const apdus: Uint8Array[] = [];
  let at = 0;
  while (payload.length - at > chunkSize) {
    apdus.push(
      shortApdu(cla | Iso7816.CLA_CHAINING, ins, p1, 0x00, payload.subarray(at, at + chunkSize)),
    );
    at += chunkSize;
  }
  apdus.push(shortApdu(cla, ins, p1, 0x00, payload.subarray(at), 0));
  return apdus;
}

/** GET RESPONSE for the bytes a 61xx announced (00 C0 00 00 xx). */
export function getResponseApdu(sw2: number): Uint8Array {
  return shortApdu(Iso7816.CLA_ISO, Iso7816.INS_GET_RESPONSE, 0x00, 0x00, new Uint8Array(0), sw2);
}

/** P1 of NFCCTAP_GETRESPONSE that cancels the running request (CTAP 2.2; python-fido2 2.1). */
export const P1_CANCEL = 0x11;

/** NFCCTAP_GETRESPONSE (80 11 00 00 00): poll after a 9100 status update; or cancel. */
export function nfcGetResponseApdu(p1 = 0x00): Uint8Array {
  return shortApdu(
    Iso7816.CLA_PROPRIETARY,
    Iso7816.INS_NFCCTAP_GETRESPONSE,
    p1,
    0x00,
    new Uint8Array(0),
    0,
  );
}

const SW_NAMES: Record<number, string> = {
  [Sw.WRONG_LENGTH]: 'wrong length',
  [Sw.CONDITIONS_NOT_SATISFIED]: 'conditions not satisfied',
  [Sw.WRONG_DATA]: 'wrong data',
  [Sw.FILE_NOT_FOUND]: 'file or application not found',
  [Sw.INCORRECT_P1P2]: 'incorrect P1/P2',
  [Sw.INS_NOT_SUPPORTED]: 'instruction not supported',
  [Sw.CLA_NOT_SUPPORTED]: 'class not supported',
  [Sw.NO_PRECISE_DIAGNOSIS]: 'no precise diagnosis',
};

export const swHex = (sw: number) => sw.toString(16).padStart(4, '0').toUpperCase();

/** The typed error for a status word other than 9000/61xx/9100. */
export function swToError(sw: number, what: string): Error {
  const name = SW_NAMES[sw] ?? 'unexpected status';
  if (sw === Sw.FILE_NOT_FOUND || sw === Sw.INS_NOT_SUPPORTED || sw === Sw.CLA_NOT_SUPPORTED) {
    return new UnsupportedError(`${what} answered ${swHex(sw)} (${name})`);
  }
  return new ProtocolError(`${what}.sw`, `was ${swHex(sw)} (${name}), expected 9000`);
}

export type Transmit = (apdu: Uint8Array) => Promise<Uint8Array>;

export type ExchangeOptions = NfcCtapMsgOptions & {
  signal?: AbortSignal;
  onKeepalive?: (status: number) => void;
  /** Pause between NFCCTAP_GETRESPONSE polls (default 100 ms, as python-fido2 2.x). */
  pollIntervalMs?: number;
  /** Wait function (injectable so tests need no real time). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** Sends one APDU and follows 61xx with GET RESPONSE until the final status word. */
export async function transmitWithGetResponse(
  transmit: Transmit,
  apdu: Uint8Array,
): Promise<Rapdu> {
  let { data, sw } = parseRapdu(await transmit(apdu));
  const parts = [data];
  while ((sw & 0xff00) === Sw.MORE_DATA) {
    ({ data, sw } = parseRapdu(await transmit(getResponseApdu(sw & 0xff))));
    parts.push(data);
  }
  return { data: concatBytes(...parts), sw };
}

/**
 * One CTAP request over NFCCTAP_MSG: chaining, 61xx accumulation, 9100 status updates turned
 * into onKeepalive and followed by NFCCTAP_GETRESPONSE polls. Returns `status ‖ CBOR`.
 */
export async function nfcCtapExchange(
  transmit: Transmit,
  payload: Uint8Array,
  options: ExchangeOptions = {},
): Promise<Uint8Array> {
  const { signal, onKeepalive, pollIntervalMs = 100, sleep = defaultSleep } = options;
  const apdus = nfcCtapMsgApdus(payload, options);
  for (const apdu of apdus.slice(0, -1)) {
    const { sw } = parseRapdu(await transmit(apdu));
    if (sw !== Sw.SUCCESS) throw swToError(sw, 'NFCCTAP_MSG chaining');
  }
  let response = await transmitWithGetResponse(transmit, apdus.at(-1)!);
  let lastStatus = -1;
  while (response.sw === Sw.STATUS_UPDATE) {
    const status = response.data[0];
    if (status !== undefined && status !== lastStatus) {
      lastStatus = status;
      onKeepalive?.(status);
    }
    if (!signal?.aborted) await sleep(pollIntervalMs, signal);
    if (signal?.aborted) {
      await cancelRunning(transmit);
      throw new CancelledError();
    }
    response = await transmitWithGetResponse(transmit, nfcGetResponseApdu());
  }
  if (response.sw !== Sw.SUCCESS) throw swToError(response.sw, 'NFCCTAP_MSG');
  if (response.data.length === 0) {
    throw new ProtocolError('NFCCTAP_MSG.response', 'was empty, expected a CTAP status byte');
  }
  return response.data;
}

/**
 * Asks the card to cancel the running request and drains its answer (KEEPALIVE_CANCEL), so the
 * next request does not meet a busy applet. Best effort: a card without CTAP 2.2 cancel
 * answers an error status word, which ends the drain.
 */
async function cancelRunning(transmit: Transmit): Promise<void> {
  let response = await transmitWithGetResponse(transmit, nfcGetResponseApdu(P1_CANCEL));
  for (let i = 0; i < 50 && response.sw === Sw.STATUS_UPDATE; i++) {
    response = await transmitWithGetResponse(transmit, nfcGetResponseApdu());
  }
}
