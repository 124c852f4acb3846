import { describe, expect, it } from 'vitest';
import { findLeaks } from './leakScan.ts';

const pin = { label: 'user PIN of K1', value: '48372915' };

describe('findLeaks', () => {
  it('finds a PIN written as is, as base64, base64url and hex, naming where', () => {
    const bytes = Buffer.from(pin.value);
    const texts = [
      { where: 'service policy stdout', text: `{"msg":"x","pin":"${pin.value}"}` },
      { where: 'bus keyward.evt.a', text: `{"data":"${bytes.toString('base64')}"}` },
      { where: 'bus keyward.evt.b', text: `{"data":"${bytes.toString('hex').toUpperCase()}"}` },
      { where: 'service identity stderr', text: 'nothing here' },
    ];
    const leaks = findLeaks([pin], texts);
    expect(leaks.map((l) => `${l.where}:${l.encoding}`)).toEqual([
      'service policy stdout:raw',
      'bus keyward.evt.a:base64@0',
      'bus keyward.evt.b:hex',
    ]);
  });

  it('masks the secret in the excerpt so the failure message does not repeat it', () => {
    const [leak] = findLeaks([pin], [{ where: 'w', text: `before ${pin.value} after` }]);
    expect(leak!.excerpt).toBe('before <user PIN of K1 as raw> after');
  });

  it('finds a PIN inside a longer base64 or base64url blob at any offset', () => {
    for (const prefix of ['{"userPin":"', '{"pin":"', '{"p":"']) {
      const json = `${prefix}${pin.value}","x":1}`;
      for (const alphabet of ['base64', 'base64url'] as const) {
        const blob = Buffer.from(json).toString(alphabet);
        const leaks = findLeaks([pin], [{ where: 'bus', text: blob }]);
        expect(leaks.length, `${alphabet} of ${json}`).toBeGreaterThan(0);
      }
    }
  });

  it('reports nothing when no form of the secret is present', () => {
    expect(findLeaks([pin], [{ where: 'w', text: '{"revealed":["user"]}' }])).toEqual([]);
  });
});
