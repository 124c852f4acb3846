/** authenticatorSelection (CTAP 2.1 §6.9): answers OK once the user touches this key. */
import type { CommandHandler } from '../context.ts';
import { requireUserPresence } from '../presenceCheck.ts';

export const selection: CommandHandler = async (ctx) => {
  await requireUserPresence(ctx);
  return undefined;
};
