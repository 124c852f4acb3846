import { describe, expect, it } from 'vitest';
import { ByteReader } from './byteReader.ts';
import { CborSchemaError, decodeCtap } from './cbor.ts';
import { CtapStatus } from './constants.ts';
import { CtapError, ProtocolError, toProtocolError, UnsupportedError } from './errors.ts';

describe('CtapError', () => {
  it('says how many PIN retries are left when known', () => {
    const e = new CtapError(CtapStatus.CTAP2_ERR_PIN_INVALID, { command: 'clientPin', retries: 5 });
    expect(e.code).toBe('CTAP_ERROR');
    expect(e.statusName).toBe('CTAP2_ERR_PIN_INVALID');
    expect(e.message).toBe('The PIN is wrong (5 retries left) [clientPin: CTAP2_ERR_PIN_INVALID]');
  });

  it('explains a blocked PIN to an administrator', () => {
    expect(new CtapError(CtapStatus.CTAP2_ERR_PIN_BLOCKED).message).toMatch(
      /^The PIN is blocked; the key must be reset or unlocked with the admin PIN/,
    );
  });

  it('keeps unknown and vendor status codes instead of crashing', () => {
    expect(new CtapError(0xf3).statusName).toBe('CTAP2_ERR_VENDOR_0xF3');
    expect(new CtapError(0x99).message).toContain('CTAP_UNKNOWN_STATUS_0x99');
  });
});

describe('toProtocolError', () => {
  it('names the field of a schema error and chains the cause', () => {
    const cause = new CborSchemaError('getInfo.aaguid', 'missing', 'byte string');
    const e = toProtocolError(cause, 'getInfo') as ProtocolError;
    expect(e).toBeInstanceOf(ProtocolError);
    expect(e.field).toBe('getInfo.aaguid');
    expect(e.message).toBe('getInfo.aaguid: required byte string is missing');
    expect(e.cause).toBe(cause);
  });

  it('wraps CBOR and byte-cursor errors with the context as field', () => {
    let caught: unknown;
    try {
      decodeCtap(Uint8Array.of(0xa1));
    } catch (e) {
      caught = e;
    }
    expect((toProtocolError(caught, 'response') as ProtocolError).field).toBe('response');
    try {
      new ByteReader(new Uint8Array(2), 'authData').uint32('signCount');
    } catch (e) {
      caught = e;
    }
    expect(toProtocolError(caught, 'authData')).toBeInstanceOf(ProtocolError);
  });

  it('passes typed errors and bugs through unchanged', () => {
    const typed = new UnsupportedError('credential management');
    expect(toProtocolError(typed, 'x')).toBe(typed);
    const bug = new TypeError('bug');
    expect(toProtocolError(bug, 'x')).toBe(bug);
    expect(typed.message).toBe('unsupported by this key: credential management');
  });
});
