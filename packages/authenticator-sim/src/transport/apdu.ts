/**
 * Pure ISO 7816-4 command/response APDU codec (ISO 7816-4 §5.1; CTAP 2.1 §11.3): short and
 * extended length, cases 1–4.
 */
export type CommandApdu = {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data: Uint8Array;
  /** Expected response length; undefined when absent (case 1/3). 0 in the APDU means 256/65536. */
  le: number | undefined;
  extended: boolean;
};

/** Parses a C-APDU; undefined when the bytes are not a well-formed APDU (answer 6700). */
export function parseCommandApdu(bytes: Uint8Array): CommandApdu | undefined {
  if (bytes.length < 4) return undefined;
  const [cla, ins, p1, p2] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  const base = { cla, ins, p1, p2 };
  const body = bytes.subarray(4);
  if (body.length === 0)
    return { ...base, data: new Uint8Array(0), le: undefined, extended: false };
  if (body.length === 1) {
    return { ...base, data: new Uint8Array(0), le: body[0] === 0 ? 256 : body[0], extended: false };
  }
  if (body[0] === 0 && body.length >= 3) {
    // Extended: 00 Le(2) | 00 Lc(2) data [Le(2)]
    const n = (body[1]! << 8) | body[2]!;
    if (body.length === 3) {
      return { ...base, data: new Uint8Array(0), le: n === 0 ? 65536 : n, extended: true };
    }
    if (n === 0) return undefined;
    const rest = body.length - 3 - n;
    if (rest !== 0 && rest !== 2) return undefined;
    const data = body.slice(3, 3 + n);
    if (rest === 0) return { ...base, data, le: undefined, extended: true };
    const le = (body[3 + n]! << 8) | body[4 + n]!;
    return { ...base, data, le: le === 0 ? 65536 : le, extended: true };
  }
  const lc = body[0]!;
  if (lc === 0) return undefined;
  const rest = body.length - 1 - lc;
  if (rest !== 0 && rest !== 1) return undefined;
  const data = body.slice(1, 1 + lc);
  if (rest === 0) return { ...base, data, le: undefined, extended: false };
  const le = body[1 + lc]!;
  return { ...base, data, le: le === 0 ? 256 : le, extended: false };
}

/** data ‖ SW1 SW2. */
export function responseApdu(data: Uint8Array, sw: number): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data, 0);
  out[data.length] = sw >> 8;
  out[data.length + 1] = sw & 0xff;
  return out;
}

/** Builds a C-APDU (short when it fits, else extended); for tests and tools. */
export function buildCommandApdu(apdu: {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data?: Uint8Array;
  le?: number;
  extended?: boolean;
}): Uint8Array {
  const data = apdu.data ?? new Uint8Array(0);
  const extended = apdu.extended ?? (data.length > 255 || (apdu.le ?? 0) > 256);
  const out: number[] = [apdu.cla, apdu.ins, apdu.p1, apdu.p2];
  if (extended) {
    out.push(0);
    if (data.length > 0) out.push(data.length >> 8, data.length & 0xff, ...data);
    if (apdu.le !== undefined) out.push((apdu.le >> 8) & 0xff, apdu.le & 0xff);
  } else {
    if (data.length > 0) out.push(data.length, ...data);
    if (apdu.le !== undefined) out.push(apdu.le & 0xff);
  }
  return Uint8Array.from(out);
}
