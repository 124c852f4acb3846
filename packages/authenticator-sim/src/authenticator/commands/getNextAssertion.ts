/** authenticatorGetNextAssertion (CTAP 2.1 §6.3): the next credential of the last getAssertion. */
import type { CommandHandler } from '../context.ts';
import { fail } from '../ctapFailure.ts';
import { NEXT_ASSERTION_WINDOW_MS } from '../runtime.ts';
import { assertionResponse } from './assertionResponse.ts';

export const getNextAssertion: CommandHandler = async (ctx) => {
  const pending = ctx.runtime.assertions;
  if (!pending || pending.queue.length === 0) throw fail('CTAP2_ERR_NOT_ALLOWED');
  if (ctx.clock.now() - pending.at > NEXT_ASSERTION_WINDOW_MS) {
    ctx.runtime.assertions = undefined;
    throw fail('CTAP2_ERR_NOT_ALLOWED', 'getNextAssertion window expired');
  }
  const credential = pending.queue.shift()!;
  pending.at = ctx.clock.now();
  return assertionResponse(ctx, {
    credential,
    clientDataHash: pending.clientDataHash,
    flags: pending.flags,
    hmacSecret: pending.hmacSecret,
  });
};
