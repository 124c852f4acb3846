/** Turns a presence outcome into the CTAP status the spec asks for (CTAP 2.1 §6.1.2 step 14). */
import type { CommandContext } from './context.ts';
import { fail } from './ctapFailure.ts';

export async function requireUserPresence(ctx: CommandContext): Promise<void> {
  const outcome = await ctx.requestPresence();
  if (outcome === 'approved') return;
  if (outcome === 'denied') throw fail('CTAP2_ERR_OPERATION_DENIED');
  if (outcome === 'timeout') throw fail('CTAP2_ERR_USER_ACTION_TIMEOUT');
  throw fail('CTAP2_ERR_KEEPALIVE_CANCEL');
}

/**
 * A zero-length pinUvAuthParam is a platform's "touch to pick this key" probe (CTAP 2.1 §6.1.2
 * step 1): wait for a touch, then answer PIN_NOT_SET or PIN_INVALID.
 */
export async function answerTouchProbe(ctx: CommandContext): Promise<never> {
  const outcome = await ctx.requestPresence();
  if (outcome === 'cancelled') throw fail('CTAP2_ERR_KEEPALIVE_CANCEL');
  if (outcome !== 'approved') throw fail('CTAP2_ERR_OPERATION_DENIED');
  throw fail(ctx.state.pin.hash === undefined ? 'CTAP2_ERR_PIN_NOT_SET' : 'CTAP2_ERR_PIN_INVALID');
}
