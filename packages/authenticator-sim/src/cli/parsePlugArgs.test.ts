import { describe, expect, it } from 'vitest';
import { parsePlugArgs } from './parsePlugArgs.ts';

describe('keyward-sim plug arguments', () => {
  it('reads every option of the documented command line', () => {
    const r = parsePlugArgs([
      'plug',
      '--profile',
      'enterprise',
      '--pcsc',
      '--serial',
      'KW000123',
      '--port',
      '35964',
      '--touch=prompt',
      '--state',
      '/tmp/key.json',
    ]);
    expect(r).toEqual({
      ok: true,
      options: {
        profile: 'enterprise',
        serial: 'KW000123',
        host: '127.0.0.1',
        port: 35964,
        touch: 'prompt',
        stateFile: '/tmp/key.json',
      },
    });
  });

  it('defaults to a generic key on port 35963 with automatic touch', () => {
    expect(parsePlugArgs(['plug', '--pcsc'])).toMatchObject({
      ok: true,
      options: { profile: 'generic', port: 35963, touch: 'auto', serial: undefined },
    });
  });

  it.each([
    [['plug'], '--pcsc is required'],
    [['unplug', '--pcsc'], 'expected the command "plug"'],
    [['plug', '--pcsc', '--profile', 'yubikey'], '--profile "yubikey"'],
    [['plug', '--pcsc', '--port', '99999'], '--port "99999"'],
    [['plug', '--pcsc', '--touch', 'maybe'], '--touch "maybe"'],
    [['plug', '--pcsc', '--serial', 'KW 1'], '--serial "KW 1"'],
    [['plug', '--pcsc', '--bogus'], "Unknown option '--bogus'"],
  ])('rejects %j naming the problem', (argv, message) => {
    const r = parsePlugArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});
