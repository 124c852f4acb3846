import { describe, expect, it } from 'vitest';
import { safeRaw } from './deadLetter.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('dead-letter payloads', () => {
  it('keep a malformed event readable but drop the PIN it carried', () => {
    const raw = JSON.stringify({
      type: 'keyward.device.configured',
      data: { serial: 'KW1', userPin: '482913' },
    });
    const out = safeRaw(bytes(raw));
    expect(out.rawEncoding).toBe('utf8');
    expect(out.raw).not.toContain('482913');
    expect(JSON.parse(out.raw)).toMatchObject({ data: { serial: 'KW1', userPin: '[REDACTED]' } });
  });

  it('redact "pin=…" in a payload that is not JSON', () => {
    const out = safeRaw(bytes('garbage pin=482913 {'));
    expect(out.raw).not.toContain('482913');
    expect(out.raw).toContain('garbage');
  });

  it('keep bytes that are not UTF-8 as base64', () => {
    expect(safeRaw(new Uint8Array([0xff, 0xfe, 0x00]))).toEqual({
      raw: '//4A',
      rawEncoding: 'base64',
    });
  });
});
