import type { PolicyServiceDeps } from './deps.ts';
import { publishStored } from './pins.ts';

export interface SettlePinOptions {
  serial: string;
  outcome: 'commit' | 'abort';
  gatewayId?: string;
  actor: string;
}

/**
 * keyward.policy.pin.settle: the second phase of a staged user PIN (issue 19). `commit` once the
 * key accepted it makes it the vaulted PIN; `abort` after the key refused it drops it, so the
 * vault keeps the PIN the key still has.
 */
export async function settlePin(
  deps: PolicyServiceDeps,
  { serial, outcome, gatewayId, actor }: SettlePinOptions,
): Promise<{ settled: boolean }> {
  if (outcome === 'abort') return { settled: await deps.vault.abortPending(serial, 'userPin') };
  const committed = await deps.vault.commitPending(serial, 'userPin');
  if (!committed) return { settled: false };
  await publishStored(deps, { serial, kinds: ['user'], ...committed, gatewayId, actor });
  return { settled: true };
}
