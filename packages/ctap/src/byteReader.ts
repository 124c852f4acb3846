/**
 * A checked cursor over bytes: every read states what it reads, and running past the end or
 * leaving bytes unread is an error that says how many bytes there were and how many were needed.
 */
export class ByteReaderError extends Error {
  override readonly name = 'ByteReaderError';
  readonly code = 'BYTES_MALFORMED' as const;
}

export class ByteReader {
  #offset = 0;

  readonly bytes: Uint8Array;
  /** Used in error messages, e.g. "authenticatorData". */
  readonly label: string;

  constructor(bytes: Uint8Array, label = 'data') {
    this.bytes = bytes;
    this.label = label;
  }

  get offset(): number {
    return this.#offset;
  }

  get remaining(): number {
    return this.bytes.length - this.#offset;
  }

  #take(length: number, what: string): Uint8Array {
    if (length < 0 || this.#offset + length > this.bytes.length) {
      throw new ByteReaderError(
        `${this.label}: ${what} needs ${length} bytes at offset ${this.#offset}, ` +
          `but ${this.label} is ${this.bytes.length} bytes`,
      );
    }
    const out = this.bytes.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return out;
  }

  bytesOf(length: number, what: string): Uint8Array {
    return this.#take(length, what);
  }

  uint8(what: string): number {
    return this.#take(1, what)[0]!;
  }

  uint16(what: string): number {
    const b = this.#take(2, what);
    return (b[0]! << 8) | b[1]!;
  }

  uint32(what: string): number {
    const b = this.#take(4, what);
    return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  }

  /** Everything not read yet. */
  rest(): Uint8Array {
    return this.#take(this.remaining, 'rest');
  }

  /** Throws unless every byte was read. */
  end(): void {
    if (this.remaining !== 0) {
      throw new ByteReaderError(
        `${this.label}: ${this.remaining} unexpected trailing bytes after offset ${this.#offset}`,
      );
    }
  }
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const hex = {
  encode: (b: Uint8Array): string => Buffer.from(b).toString('hex'),
  decode: (s: string): Uint8Array => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex')),
};
