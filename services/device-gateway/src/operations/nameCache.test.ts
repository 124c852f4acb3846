import type { Reply } from '@keyward/contracts';
import { describe, expect, it } from 'vitest';
import type { Requester } from '../bus/ports.ts';
import { NameCache } from './nameCache.ts';

/** A requester answering every look-up with `answer(subject, data)`, counting the calls. */
function requester(answer: (data: Record<string, unknown>) => Reply<unknown>) {
  const calls: Record<string, unknown>[] = [];
  const r: Requester = {
    request: async (_definition, data) => {
      calls.push(data as Record<string, unknown>);
      return answer(data as Record<string, unknown>) as never;
    },
  };
  return { r, calls };
}

describe('NameCache', () => {
  it('asks once for concurrent look-ups of one id and reuses the name until it expires', async () => {
    let now = 0;
    const { r, calls } = requester(() => ({ ok: true, data: { name: 'Standard' } }));
    const names = new NameCache({ requester: r, ttlMs: 30_000, now: () => now });
    const all = await Promise.all(
      Array.from({ length: 64 }, () => names.policyName('std', 1, 'user:a')),
    );
    expect(new Set(all)).toEqual(new Set(['Standard']));
    expect(calls).toEqual([{ policyId: 'std', version: 1 }]);
    now = 29_999;
    await names.policyName('std', 1, 'user:a');
    expect(calls).toHaveLength(1);
    now = 30_000;
    await names.policyName('std', 1, 'user:a');
    expect(calls).toHaveLength(2);
  });

  it('gives null for an unreachable service and asks again sooner than for a name', async () => {
    let now = 0;
    const { r, calls } = requester(() => ({
      ok: false,
      error: { code: 'UPSTREAM_UNAVAILABLE', message: 'no responders' },
    }));
    const names = new NameCache({ requester: r, failureTtlMs: 5_000, now: () => now });
    expect(await names.idpName('idp-1', 'user:a')).toBeNull();
    now = 4_999;
    expect(await names.idpName('idp-1', 'user:a')).toBeNull();
    expect(calls).toHaveLength(1);
    now = 5_000;
    await names.idpName('idp-1', 'user:a');
    expect(calls).toHaveLength(2);
  });

  it('gives null when the requester itself throws', async () => {
    const names = new NameCache({
      requester: {
        request: async () => {
          throw new Error('connection closed');
        },
      },
    });
    expect(await names.policyName('std', undefined, 'user:a')).toBeNull();
  });
});
