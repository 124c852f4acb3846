/** clientPIN getPINRetries 0x01 (CTAP 2.1 §6.5.5.2): retries and whether a power cycle is needed. */
import { type CborValue, ClientPinResult } from '@keyward/ctap/internal';
import type { CommandContext } from '../../context.ts';
import { MISMATCHES_BEFORE_POWER_CYCLE } from '../../runtime.ts';

export function getPinRetries(ctx: CommandContext): Map<number, CborValue> {
  const out = new Map<number, CborValue>([[ClientPinResult.PIN_RETRIES, ctx.state.pin.retries]]);
  if (ctx.profile.ctap21) {
    out.set(
      ClientPinResult.POWER_CYCLE_STATE,
      ctx.runtime.consecutiveMismatches >= MISMATCHES_BEFORE_POWER_CYCLE,
    );
  }
  return out;
}
